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
            states.add(awaitWatching(c.stack()));
            Progress.say("worker is %s; sending %d messages at %.1f/s...", states, k, c.options().latencyRate());
            Map<String, Long> sentAt = send(c, k, states);
            c.acks().awaitAll(sentAt.keySet(), SETTLE);
            List<String> customers = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                customers.add(c.server().latencyCustomer(i));
            }
            return result(c, cleared, sentAt, customers, states);
        }
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

    private static Map<String, Long> send(BenchContext c, int k, Set<String> states) throws InterruptedException {
        Map<String, Long> sentAt = new LinkedHashMap<>();
        SteadyRate rate = new SteadyRate(c.options().latencyRate());
        for (int i = 0; i < k; i++) {
            rate.awaitTurn(i);
            BenchMail mail = c.mail().opening(c.server().latencyCustomer(i));
            c.server().submit(mail);
            sentAt.put(mail.messageId(), System.nanoTime());
            if (i % 20 == 0) {
                states.add(c.workerState());
            }
        }
        return sentAt;
    }

    private static Result result(BenchContext c, boolean cleared, Map<String, Long> sentAt, List<String> customers, Set<String> states) {
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
                c.heap().peakSampled(), c.heap().peakAfterGc());
    }
}
