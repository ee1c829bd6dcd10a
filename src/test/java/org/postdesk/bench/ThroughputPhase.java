package org.postdesk.bench;

import java.util.List;
import org.postdesk.outbound.Acknowledgements;

/**
 * Fills the support inbox with N messages while nothing reads it, then times the production mailbox
 * worker ({@code Pipeline.ingestAllNow}) reading them until every message is a stored ticket message with
 * its acknowledgement queued in the outbox. Filling is not timed.
 */
final class ThroughputPhase {

    /**
     * Messages delivered per round on GreenMail, whose FETCH and STORE take time proportional to the square
     * of the folder size (each scans every message for its sequence number): with all 10,000 in the inbox at
     * once the benchmark would measure GreenMail. Read messages are removed between rounds. A real server
     * gets all N at once.
     */
    static final int CHUNK = 200;
    private static final int GENERATED_AT_ONCE = 1000;

    record Result(int messages, int opening, int chunk, long bytes, double fillSeconds, double ingestSeconds,
                  double cpuSeconds, double loadAverage, int stored,
                  int tickets, int acksQueued, long liveBeforeBytes, long peakSampledBytes, long peakAfterGcBytes,
                  int acks, int notices, double storedSpanSeconds, StatementCounter.Counts sql, long peakRssBytes) {
        double perSecond() {
            return stored / ingestSeconds;
        }

        /** The drain rate from the first to the last message stored (the store's own stamps). */
        double drainPerSecond() {
            return storedSpanSeconds > 0 ? (stored - 1) / storedSpanSeconds : 0;
        }

        double perMessage(long count) {
            return (double) count / Math.max(1, stored);
        }
    }

    private ThroughputPhase() {
    }

    /** Stores {@code n} messages: the warm-up, or the timed phase. */
    static Result run(BenchContext c, int n, SweeperThread sweeper) {
        int chunk = c.server().clearSupportInbox() ? Math.min(CHUNK, n) : n;
        Progress.say("%d messages, %s...", n, chunk == n ? "all in the inbox at once" : "delivered " + chunk
                + " at a time");
        long live = HeapMonitor.liveNow();
        int storedBefore = c.inboundMessages();
        int ticketsBefore = c.tickets();
        int outboxBefore = c.outboxRows();
        int acksBefore = c.outboxRows(Acknowledgements.KIND);
        long lastIdBefore = c.lastInboundId();
        StatementCounter.Counts sql0 = c.stack().statements().now();
        c.heap().reset();
        Totals t = new Totals();
        double load = Machine.loadAverage();
        for (int from = 0; from < n; from += chunk) {
            round(c, Math.min(chunk, n - from), t, storedBefore, n, sweeper);
            if (chunk < n) {
                c.server().clearSupportInbox();
            }
        }
        load = Math.max(load, Machine.loadAverage());
        if (sweeper.running()) {
            Progress.say("  SLA sweeper caught up %.1f s after the worker, within the CPU counted", t.catchUp);
        }
        StatementCounter.Counts sql = c.stack().statements().now().minus(sql0);
        int outbox = c.outboxRows() - outboxBefore;
        int acks = c.outboxRows(Acknowledgements.KIND) - acksBefore;
        return new Result(n, t.opening, chunk, t.bytes, t.fill, t.ingest, t.cpuNanos / 1e9, load,
                c.inboundMessages() - storedBefore, c.tickets() - ticketsBefore, outbox, live,
                c.heap().peakSampled(), c.heap().peakAfterGc(), acks, outbox - acks, c.storedSpanSeconds(lastIdBefore),
                sql, c.heap().peakRss());
    }

    /**
     * Fills the inbox with {@code count} new mails, then drains it. The mails are generated and delivered
     * {@value #GENERATED_AT_ONCE} at a time and dropped once delivered, so the benchmark does not hold the backlog in
     * the heap it measures: a real server's backlog is filled in one round, and 20,000 mails (the drain) were
     * 140 MB of a 256 MB heap, which the drain then ran out of.
     */
    private static void round(BenchContext c, int count, Totals t, int storedBefore, int n, SweeperThread sweeper) {
        long f0 = System.nanoTime();
        for (int from = 0; from < count; from += GENERATED_AT_ONCE) {
            List<BenchMail> mails = c.mail().batch(Math.min(GENERATED_AT_ONCE, count - from));
            t.opening += (int) mails.stream().filter(BenchMail::opensTicket).count();
            t.bytes += mails.stream().mapToLong(m -> m.raw().length).sum();
            c.server().fill(mails);
        }
        t.fill += seconds(f0);
        long cpu0 = Machine.processCpuNanos();
        long t0 = System.nanoTime();
        c.pipeline().ingestAllNow(c.mailbox());
        t.ingest += seconds(t0);
        // With the SLA sweeper running, its catch-up on what the worker stored is part of the message's cost.
        long caughtUp = System.nanoTime();
        sweeper.awaitCaughtUp();
        t.catchUp += seconds(caughtUp);
        t.cpuNanos += Machine.processCpuNanos() - cpu0;
        // Counted outside the timed window: a count of a store's messages reads an index of them all, which
        // at 2,000,000 messages (--prefill, --mailbox) would be charged to the intake.
        int stored = c.inboundMessages() - storedBefore;
        if (stored / 1000 != (stored - CHUNK) / 1000 || stored == n) {
            Progress.say("  %d / %d stored", stored, n);
        }
    }

    /** Running sums over the rounds. */
    private static final class Totals {
        int opening;
        long bytes;
        double fill;
        double ingest;
        double catchUp;
        long cpuNanos;
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
