package org.postdesk.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
                  long peakSampledBytes, long peakAfterGcBytes) {
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
            states.add(awaitWatching(c));
            Progress.say("worker is %s; sending %d messages at %.1f/s...", states, k, c.options().latencyRate());
            Map<String, Long> sentAt = send(c, k, states);
            awaitAcks(c, sentAt);
            List<String> customers = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                customers.add(c.server().latencyCustomer(i));
            }
            return result(c, cleared, sentAt, customers, states);
        }
    }

    private static String awaitWatching(BenchContext c) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        String state = c.workerState();
        while (!"IDLE".equals(state) && !"POLLING".equals(state) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            state = c.workerState();
        }
        return state;
    }

    private static Map<String, Long> send(BenchContext c, int k, Set<String> states) throws InterruptedException {
        Map<String, Long> sentAt = new LinkedHashMap<>();
        long period = (long) (1e9 / c.options().latencyRate());
        long start = System.nanoTime();
        for (int i = 0; i < k; i++) {
            long wait = start + i * period - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            BenchMail mail = c.mail().opening(c.server().latencyCustomer(i));
            c.server().submit(mail);
            sentAt.put(mail.messageId(), System.nanoTime());
            if (i % 20 == 0) {
                states.add(c.workerState());
            }
        }
        return sentAt;
    }

    private static void awaitAcks(BenchContext c, Map<String, Long> sentAt) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline && sentAt.keySet().stream().anyMatch(id -> c.acks().acceptedAt(id) == null)) {
            Thread.sleep(20);
        }
    }

    private static Result result(BenchContext c, boolean cleared, Map<String, Long> sentAt, List<String> customers, Set<String> states) {
        double[] millis = sentAt.entrySet().stream().filter(e -> c.acks().acceptedAt(e.getKey()) != null)
                .mapToDouble(e -> (c.acks().acceptedAt(e.getKey()) - e.getValue()) / 1e6).toArray();
        int received = 0;
        for (String customer : customers) {
            int n = c.server().received(customer);
            received = n < 0 ? -1 : received + n;
            if (n < 0) {
                break;
            }
        }
        return new Result(cleared, sentAt.size(), millis.length, received, new Percentiles(millis), states,
                c.heap().peakSampled(), c.heap().peakAfterGc());
    }
}
