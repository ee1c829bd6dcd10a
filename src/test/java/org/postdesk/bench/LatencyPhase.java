package org.postdesk.bench;

import java.time.Duration;
import static org.postdesk.store.db.Tables.MESSAGE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.postdesk.daemon.Daemon;

/**
 * The daemon running as in production (a worker in IMAP IDLE, the outbox sender), fed one new customer
 * message at a time at a steady rate by SMTP. Latency: from the customer's SMTP delivery being accepted
 * to the acknowledgement being accepted by the support mailbox's SMTP server.
 */
final class LatencyPhase {
    private static final Duration SETTLE = Duration.ofSeconds(30);

    record Result(boolean inboxCleared, int sent, int acked, int receivedByCustomers, Percentiles millis, Set<String> workerStates,
                  long peakSampledBytes, long peakAfterGcBytes, Stages stages) {
    }

    /**
     * Where the time went: the rate the benchmark achieved sending, SMTP accepted to the message's row stored (the
     * server's queue and delivery into the mailbox, then the worker), and stored to the acknowledgement accepted (the
     * outbox).
     */
    record Stages(double sendPerSecond, int sendFailures, Percentiles toStored, Percentiles storedToAck) {
    }

    private LatencyPhase() {
    }

    static Result run(BenchContext c) throws InterruptedException {
        int k = c.options().latencySamples();
        c.heap().reset();
        Set<String> states = new TreeSet<>();
        boolean cleared = c.server().clearSupportInbox();
        try (Daemon daemon = new Daemon(c.pipeline())) {
            daemon.start();
            states.add(awaitWatching(c.stack()));
            Progress.say("worker is %s; sending %d messages at %.1f/s...", states, k, c.options().latencyRate());
            PacedSender.Sent sent = PacedSender.send(c.server(), k, c.options().latencyRate(),
                    i -> c.mail().opening(c.server().latencyCustomer(i)), () -> states.add(c.workerState()));
            Map<String, Long> sentAt = sent.nanos();
            c.acks().awaitAll(sentAt.keySet(), SETTLE);
            List<String> customers = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                customers.add(c.server().latencyCustomer(i));
            }
            return result(c, cleared, sentAt, customers, states, stages(c, sent));
        }
    }

    /** Splits each mail's time at the moment its row was stored (the row's stamp, set inside its transaction). */
    private static Stages stages(BenchContext c, PacedSender.Sent sent) {
        Map<String, Long> stored = new HashMap<>();
        c.db().dsl().select(MESSAGE.MESSAGE_ID, MESSAGE.STORED_AT).from(MESSAGE)
                .where(MESSAGE.DIRECTION.eq("IN"), MESSAGE.MESSAGE_ID.in(sent.wallMillis().keySet()))
                .forEach(r -> stored.put(r.value1(), r.value2().toInstant().toEpochMilli()));
        List<Double> toStored = new ArrayList<>();
        List<Double> toAck = new ArrayList<>();
        sent.wallMillis().forEach((id, wall) -> {
            Long at = stored.get(id);
            if (at == null) {
                return;
            }
            toStored.add((double) (at - wall));
            Long acked = c.acks().acceptedAt(id);
            if (acked != null) {
                double ackWall = wall + (acked - sent.nanos().get(id)) / 1e6;
                toAck.add(ackWall - at);
            }
        });
        return new Stages(sent.perSecond(), sent.failed(), percentiles(toStored), percentiles(toAck));
    }

    private static Percentiles percentiles(List<Double> values) {
        return new Percentiles(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Waits until the daemon's worker watches the support inbox (IDLE, or POLLING where IDLE is missing). */
    static String awaitWatching(BenchStack stack) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        String state = stack.workerState();
        while (!"IDLE".equals(state) && !"POLLING".equals(state) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            state = stack.workerState();
        }
        return state;
    }

    private static Result result(BenchContext c, boolean cleared, Map<String, Long> sentAt, List<String> customers,
                                 Set<String> states, Stages stages) {
        double[] millis = c.acks().millisSince(sentAt);
        int received = 0;
        for (String customer : customers) {
            int n = c.server().received(customer);
            received = n < 0 ? -1 : received + n;
            if (n < 0) {
                break;
            }
        }
        return new Result(cleared, sentAt.size(), millis.length, received, new Percentiles(millis), states,
                c.heap().peakSampled(), c.heap().peakAfterGc(), stages);
    }
}
