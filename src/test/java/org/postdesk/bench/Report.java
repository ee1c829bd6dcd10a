package org.postdesk.bench;

import java.io.PrintStream;

/** The figures of one run, printed as a table with the targets of issues 2 ("Speed") and 16 ("Throughput and scale"). */
final class Report {
    private static final double TARGET_RATE = 200;
    private static final long TARGET_HEAP = 256L << 20;
    /** Issue 16: a backlog drained from a real server at 1,000 msg/s on H2, 600 on PostgreSQL. */
    private static final double TARGET_DRAIN_H2 = 1000;
    private static final double TARGET_DRAIN_PG = 600;
    private static final long TARGET_RSS = 200L << 20;

    private final BenchOptions options;
    private final Table out = new Table();

    Report(BenchOptions options) {
        this.options = options;
    }

    void setup(String server, String dbUrl) {
        out.setup("Postdesk ingest benchmark", server, dbUrl);
    }

    void prefill(double seconds) {
        line("");
        row("prefill", StoreSeed.describe(options.prefill(), seconds) + " before the run");
    }

    void warmup(ThroughputPhase.Result r) {
        line("");
        line("Warm-up: stored first and not counted; the JIT compiles the hot paths meanwhile (a daemon that runs");
        line("for days is always past this point)");
        row("warm-up", String.format("%d messages in %.1f s = %.0f msg/s, %.1f ms process CPU per message",
                r.stored(), r.ingestSeconds(), r.perSecond(), r.cpuSeconds() * 1000 / Math.max(1, r.messages())));
    }

    void throughput(ThroughputPhase.Result r) {
        line("");
        line("Throughput: IMAP -> stored tickets, acknowledgements queued (Pipeline.ingestAllNow, one worker)");
        row("messages", String.format("%d (%d new, %d follow-ups), %.1f KB average, %.1f MB", r.messages(),
                r.opening(), r.messages() - r.opening(), r.bytes() / 1024.0 / r.messages(), r.bytes() / 1e6));
        row("filling the inbox", String.format("%.1f s, not timed; %s", r.fillSeconds(), r.chunk() == r.messages()
                ? "all at once" : r.chunk() + " at a time, read ones removed between rounds (GreenMail's FETCH is"
                + " quadratic in folder size)"));
        row("stored", String.format("%d messages, %d tickets, %d acknowledgements and %d agent notices queued",
                r.stored(), r.tickets(), r.acks(), r.notices()));
        row("time", String.format("%.1f s (worker round, connect to last flag)", r.ingestSeconds()));
        verdict("rate", String.format("%.0f msg/s", r.perSecond()), "target >= 200 msg/s over 10,000",
                r.perSecond() >= TARGET_RATE && r.stored() == r.messages());
        boolean pg = options.postgres() || options.dbUrl().startsWith("jdbc:postgresql:");
        double drainTarget = pg ? TARGET_DRAIN_PG : TARGET_DRAIN_H2;
        verdict("drain", String.format("%.0f msg/s from the first to the last message stored (%.2f s)",
                r.drainPerSecond(), r.storedSpanSeconds()), String.format("target >= %.0f msg/s (issue 16, %s)",
                drainTarget, pg ? "PostgreSQL" : "H2"), r.drainPerSecond() >= drainTarget);
        StatementCounter.Counts q = r.sql();
        row("SQL per message", String.format("%.1f statements (%.1f SELECT, %.1f INSERT, %.1f UPDATE, %.1f DELETE,"
                + " %.1f other), %.1f commits", r.perMessage(q.statements()), r.perMessage(q.selects()),
                r.perMessage(q.inserts()), r.perMessage(q.updates()), r.perMessage(q.deletes()),
                r.perMessage(q.others()), r.perMessage(q.commits())));
        row("CPU", String.format("%.1f s process CPU while reading (Postdesk, in-process GreenMail, GC, JIT):"
                + " %.1f ms per message; machine load average %.1f on %d cores%s", r.cpuSeconds(),
                r.cpuSeconds() * 1000 / r.messages(), r.loadAverage(), Runtime.getRuntime().availableProcessors(),
                Machine.busyNote(r.loadAverage())));
        heap(r.liveBeforeBytes(), r.peakSampledBytes(), r.peakAfterGcBytes());
        verdict("RSS", mb(r.peakRssBytes()) + " peak resident (sampled every 100 ms; the benchmark's JVM)",
                "target <= 200 MB (issue 16)", r.peakRssBytes() <= TARGET_RSS);
    }

    /** The statements run most often (warm-up and timed phase together), per stored message. */
    void sqlProfile(java.util.List<java.util.Map.Entry<String, Long>> top, int messages) {
        line("");
        line("Statements run most often, per stored message (warm-up and timed phase):");
        for (var e : top) {
            String sql = e.getKey().length() > 230 ? e.getKey().substring(0, 230) + "..." : e.getKey();
            line(String.format("  %6.2f  %s", (double) e.getValue() / Math.max(1, messages), sql));
        }
    }

    void drain(DrainPhase.Result r) {
        line("");
        line("Outbox: the queued acknowledgements and notices sent by the production OutboxSender ("
                + r.senders() + " threads)");
        row("sent", String.format("%d in %.1f s = %.0f msg/s", r.sent(), r.seconds(), r.perSecond()));
        StatementCounter.Counts q = r.sql();
        row("SQL per mail", String.format("%.2f statements (%.2f SELECT, %.2f UPDATE, %.2f other), %.2f commits",
                r.perMail(q.statements()), r.perMail(q.selects()), r.perMail(q.updates()),
                r.perMail(q.inserts() + q.deletes() + q.others()), r.perMail(q.commits())));
        row("CPU", String.format("%.1f s process CPU: %.2f ms per mail; machine load average %.1f%s", r.cpuSeconds(),
                r.cpuSeconds() * 1000 / Math.max(1, r.sent()), r.loadAverage(), Machine.busyNote(r.loadAverage())));
    }

    /** The embedded H2 file's size after the run: it grows with commits per second (issue 16). */
    void storeFile(java.nio.file.Path file, long bytes) {
        line("");
        row("H2 file", String.format("%.1f MB after the run (%s)", bytes / 1e6, file));
    }

    void cancelled(int rows) {
        line("");
        row("outbox", rows + " acknowledgements of the warm-up and throughput phases marked failed, not sent (--send-acks sends them)");
    }

    void latency(LatencyPhase.Result r) {
        Percentiles p = r.millis();
        line("");
        line(String.format("Latency: customer's SMTP delivery -> acknowledgement accepted by SMTP (Daemon, %.1f msg/s)",
                options.latencyRate()));
        row("support inbox", r.inboxCleared() ? "emptied after the throughput phase (GreenMail slows down with"
                + " folder size)" : "as left by the throughput phase");
        row("worker state", String.join(", ", r.workerStates()) + (r.workerStates().contains("IDLE") ? ""
                : "  (NOT IDLE)"));
        row("samples", String.format("%d sent, %d acknowledged%s", r.sent(), r.acked(), r.receivedByCustomers() < 0
                ? "" : ", " + r.receivedByCustomers() + " in the customers' inboxes"));
        out.latency(p, r.acked() == r.sent());
        LatencyPhase.Stages s = r.stages();
        row("sent", String.format("%.1f msg/s achieved by %d sending threads (asked %.1f)%s", s.sendPerSecond(),
                PacedSender.THREADS, options.latencyRate(), s.sendFailures() == 0 ? "" : ", " + s.sendFailures()
                        + " FAILED"));
        row("accepted -> stored", String.format("p50 %.0f / p99 %.0f ms (mail server's queue and delivery, then the"
                + " worker; %d stored)", s.toStored().at(50), s.toStored().at(99), s.toStored().count()));
        row("stored -> ack", String.format("p50 %.0f / p99 %.0f ms (the outbox)", s.storedToAck().at(50),
                s.storedToAck().at(99)));
        row("peak heap used", mb(r.peakSampledBytes()) + " sampled, " + mb(r.peakAfterGcBytes()) + " after GC");
    }

    private void heap(long liveBefore, long peakSampled, long peakAfterGc) {
        row("heap before", mb(liveBefore) + " live after a full GC, before reading");
        row("peak heap used", mb(peakSampled) + " sampled every 10 ms; " + mb(peakAfterGc) + " at most after a GC");
        verdict("heap", "ran in -Xmx" + (HeapMonitor.max() >> 20) + "m", "target < 256 MB",
                peakSampled < TARGET_HEAP && HeapMonitor.max() <= TARGET_HEAP + (16L << 20));
    }

    private void verdict(String name, String value, String target, boolean ok) {
        out.verdict(name, value, target, ok);
    }

    private void row(String name, String value) {
        out.row(name, value);
    }

    private void line(String text) {
        out.line(text);
    }

    /** Prints what is measured so far, so a later phase that fails does not lose the figures. */
    void flush(PrintStream stream) {
        out.flush(stream);
    }

    private static String mb(long bytes) {
        return Table.mb(bytes);
    }
}
