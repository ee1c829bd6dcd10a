package org.postdesk.bench;

import static org.postdesk.store.db.Tables.OUTBOX;

import java.util.ArrayList;
import java.util.List;
import org.postdesk.outbound.OutboxSender;
import org.postdesk.store.OutboxRepository;

/**
 * Sends the acknowledgements and agent notices the earlier phases queued, with the production outbox senders
 * ({@code outbox.senders} threads), and times it ({@code --send-acks}): mails per second, the store's statements
 * and commits per mail (load-independent), and process CPU per mail. On a real server every envelope recipient
 * is the {@code --sink} address (the generated customers do not exist there). Otherwise they are marked failed
 * unsent, so they do not delay the latency phase.
 */
final class DrainPhase {
    /** Queued mails {@link #cancel} marks failed per statement. */
    private static final int CANCEL_CHUNK = 5_000;

    record Result(int sent, double seconds, StatementCounter.Counts sql, double cpuSeconds, double loadAverage,
                  int senders) {
        double perSecond() {
            return sent / seconds;
        }

        double perMail(long n) {
            return (double) n / Math.max(1, sent);
        }
    }

    private DrainPhase() {
    }

    static Result run(BenchContext c) throws InterruptedException {
        int pending = c.pendingAcks();
        int senders = c.stack().config().outbox().senders();
        Progress.say("sending the %d queued mails with %d sender(s)...", pending, senders);
        c.acks().sinkTo(c.options().sink());
        List<OutboxSender> running = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        StatementCounter.Counts sql0 = c.stack().statements().now();
        long cpu0 = Machine.processCpuNanos();
        double load = Machine.loadAverage();
        long t0 = System.nanoTime();
        for (int i = 1; i <= senders; i++) {
            OutboxSender sender = c.pipeline().newSender();
            running.add(sender);
            threads.add(new Thread(sender, "outbox-sender-" + i));
        }
        threads.forEach(Thread::start);
        while (c.pendingAcks() > 0) {
            Thread.sleep(100);
        }
        double seconds = ThroughputPhase.seconds(t0);
        double cpu = (Machine.processCpuNanos() - cpu0) / 1e9;
        StatementCounter.Counts sql = c.stack().statements().now().minus(sql0);
        load = Math.max(load, Machine.loadAverage());
        running.forEach(OutboxSender::stop);
        for (Thread t : threads) {
            t.join(10_000);
        }
        c.acks().sinkTo(null);
        return new Result(pending, seconds, sql, cpu, load, senders);
    }

    /**
     * Marks the queued mails failed unsent, a few thousand per statement: the 54,000 of a 20,000-mail drain in one
     * UPDATE made one H2 transaction whose pages did not fit the benchmark's heap.
     */
    static int cancel(BenchContext c) {
        int cancelled = 0;
        while (true) {
            List<Long> ids = c.db().dsl().select(OUTBOX.ID).from(OUTBOX).where(OUTBOX.STATUS.eq(OutboxRepository.PENDING))
                    .limit(CANCEL_CHUNK).fetch(OUTBOX.ID);
            if (ids.isEmpty()) {
                return cancelled;
            }
            cancelled += c.db().dsl().update(OUTBOX).set(OUTBOX.STATUS, OutboxRepository.FAILED)
                    .set(OUTBOX.LAST_ERROR, "benchmark: throughput-phase acknowledgement not sent")
                    .where(OUTBOX.ID.in(ids)).execute();
        }
    }
}
