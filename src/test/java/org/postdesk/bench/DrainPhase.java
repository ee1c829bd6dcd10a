package org.postdesk.bench;

import static org.postdesk.store.db.Tables.OUTBOX;

import org.postdesk.outbound.OutboxSender;
import org.postdesk.store.OutboxRepository;

/**
 * Sends the acknowledgements the throughput phase queued, with the production outbox sender, and times
 * it ({@code --send-acks}). Otherwise, and always on a real server (the customers are made up), they are
 * marked failed unsent, so they do not delay the latency phase.
 */
final class DrainPhase {

    record Result(int sent, double seconds) {
        double perSecond() {
            return sent / seconds;
        }
    }

    private DrainPhase() {
    }

    static Result run(BenchContext c) throws InterruptedException {
        int pending = c.pendingAcks();
        Progress.say("sending the %d queued acknowledgements...", pending);
        OutboxSender sender = c.pipeline().newSender();
        Thread thread = new Thread(sender, "outbox-sender");
        long t0 = System.nanoTime();
        thread.start();
        while (c.pendingAcks() > 0) {
            Thread.sleep(100);
        }
        double seconds = ThroughputPhase.seconds(t0);
        sender.stop();
        thread.join(10_000);
        return new Result(pending, seconds);
    }

    static int cancel(BenchContext c) {
        return c.db().dsl().update(OUTBOX).set(OUTBOX.STATUS, OutboxRepository.FAILED)
                .set(OUTBOX.LAST_ERROR, "benchmark: throughput-phase acknowledgement not sent")
                .where(OUTBOX.STATUS.eq(OutboxRepository.PENDING)).execute();
    }
}
