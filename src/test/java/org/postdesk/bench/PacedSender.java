package org.postdesk.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Sends the latency phase's mails at a steady rate from several threads: one SMTP submission waits for the server's
 * answer to its end of DATA (Postfix: its queue file on disk), so one thread alone could not offer more than one mail
 * per round trip. Each mail's send is started at its turn ({@link SteadyRate}); it is timed from the moment the server
 * accepted it. The achieved rate is reported, so a sender that could not keep up is seen, not hidden.
 */
final class PacedSender {
    static final int THREADS = 4;

    /** When each mail was accepted (System.nanoTime and wall clock millis), by Message-ID; the achieved rate. */
    record Sent(Map<String, Long> nanos, Map<String, Long> wallMillis, double perSecond, int failed) {
    }

    private PacedSender() {
    }

    /** Sends mails {@code 0..k-1} (made by {@code mails}) through {@code server} at {@code rate} per second. */
    static Sent send(BenchServer server, int k, double rate, IntFunction<BenchMail> mails, Runnable everyTwenty)
            throws InterruptedException {
        Map<String, Long> nanos = new ConcurrentHashMap<>();
        Map<String, Long> wall = new ConcurrentHashMap<>();
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "bench-sender");
            t.setDaemon(true);
            return t;
        });
        SteadyRate turns = new SteadyRate(rate);
        long first = System.nanoTime();
        try {
            for (int i = 0; i < k; i++) {
                turns.awaitTurn(i);
                BenchMail mail = mails.apply(i);
                pool.execute(() -> {
                    try {
                        server.submit(mail);
                        nanos.put(mail.messageId(), System.nanoTime());
                        wall.put(mail.messageId(), System.currentTimeMillis());
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        Progress.say("sending failed: %s", e.getMessage());
                    }
                });
                if (i % 20 == 0) {
                    everyTwenty.run();
                }
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.MINUTES);
        }
        long last = nanos.values().stream().mapToLong(Long::longValue).max().orElse(first);
        double seconds = (last - first) / 1e9;
        return new Sent(nanos, wall, seconds <= 0 ? Double.NaN : (nanos.size() - 1) / seconds, failed.get());
    }
}
