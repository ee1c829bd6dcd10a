package org.postdesk.bench;

import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.stream.Collectors;

/** The figures of a benchmark run, as a table of named rows with verdicts against the targets of the issues. */
final class Table {
    /** Issues 2 and 3 ("Speed"): with IDLE, an answer is accepted by SMTP within 2 s at p99. */
    static final double TARGET_P99_MS = 2000;

    private final StringBuilder out = new StringBuilder();

    /** The title, then what the figures depend on: the machine, the JVM, the mail server, the store. */
    void setup(String title, String server, String dbUrl) {
        Runtime rt = Runtime.getRuntime();
        line(title);
        row("machine", rt.availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"));
        row("JVM heap", "max " + mb(HeapMonitor.max()) + " (" + String.join(" ",
                ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-X")).toList()) + "), GC " + gcNames());
        row("mail server", server);
        row("store", dbUrl.replaceAll("(?i)(password=)[^;&]*", "$1***"));
    }

    /** p50/p95/p99 and max, met when every sample was answered and p99 is under the target. */
    void latency(Percentiles p, boolean allAnswered) {
        row("p50 / p95 / p99", String.format("%.0f / %.0f / %.0f ms", p.at(50), p.at(95), p.at(99)));
        verdict("max", String.format("%.0f ms", p.max()), "target p99 < 2000 ms",
                allAnswered && p.at(99) < TARGET_P99_MS);
    }

    void verdict(String name, String value, String target, boolean ok) {
        row(name, String.format("%-28s %s  %s", value, target, ok ? "OK" : "MISSED"));
    }

    void row(String name, String value) {
        line(String.format("  %-20s %s", name, value));
    }

    void line(String text) {
        out.append(text).append('\n');
    }

    /** Prints what is measured so far, so a later phase that fails does not lose the figures. */
    void flush(PrintStream stream) {
        stream.print(out);
        stream.flush();
        out.setLength(0);
    }

    static String mb(long bytes) {
        return String.format("%.0f MB", bytes / 1024.0 / 1024.0);
    }

    private static String gcNames() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining("/"));
    }
}
