package org.postdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A process's CPU time by thread kind, read from Linux's /proc/PID/task/TID/stat (issue 16: how much of the
 * daemon's start is the JIT compilers', the collector's and the main thread's). Thread names are the kernel's
 * 15-character {@code comm}; the JVM's compiler threads ("C2 CompilerThre", "C1 CompilerThre") and GC threads
 * are grouped, numbered threads (outbox-sender-2) lose their number.
 */
final class ThreadCpu {
    private ThreadCpu() {
    }

    /** "C2 1.23 s, main 0.80 s, …", the biggest first, threads under 10 ms left out; "" when the process is gone. */
    static String describe(long pid) {
        Map<String, Long> ticks = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(task -> add(task, ticks));
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return ticks.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .map(e -> String.format(Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue() / 100.0))
                .collect(Collectors.joining(", "));
    }

    private static void add(Path task, Map<String, Long> ticks) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            ticks.merge(kind(name), Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
        } catch (IOException | RuntimeException e) {
            // the thread ended between the listing and the read
        }
    }

    private static String kind(String name) {
        if (name.startsWith("C2 Compiler")) {
            return "C2";
        }
        if (name.startsWith("C1 Compiler")) {
            return "C1";
        }
        if (name.startsWith("GC ") || name.startsWith("VM Thread")) {
            return "GC+VM";
        }
        return name.replaceAll("-\\d+$", "");
    }

    /** The JVM's count of classes loaded so far and of those from a class-data archive ({@code jcmd PerfCounter.print}). */
    static String loadedClasses(long pid) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "PerfCounter.print").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            jcmd.waitFor();
            long loaded = counter(out, "java.cls.loadedClasses");
            long unloaded = counter(out, "java.cls.unloadedClasses");
            long shared = counter(out, "java.cls.sharedLoadedClasses");
            return String.format(Locale.ROOT, "%,d (%,d from the archive)", loaded - Math.max(0, unloaded),
                    Math.max(0, shared));
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static long counter(String out, String name) {
        for (String line : out.split("\n")) {
            if (line.startsWith(name + "=")) {
                return Long.parseLong(line.substring(name.length() + 1).strip());
            }
        }
        return -1;
    }
}
