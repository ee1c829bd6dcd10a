package org.postdesk.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OutboxSignalTest {
    private static final Duration LONG = Duration.ofSeconds(30);

    @Test
    void aWakeWhileTheSenderWasBusyIsNotLost() {
        OutboxSignal signal = new OutboxSignal();
        long seen = signal.seen();
        signal.wake(); // mail queued while the sender was still sending
        long t0 = System.nanoTime();
        signal.await(seen, LONG);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void oneWakeReachesEverySender() throws Exception {
        OutboxSignal signal = new OutboxSignal();
        long seen = signal.seen();
        CountDownLatch waiting = new CountDownLatch(3);
        CompletableFuture<?>[] senders = new CompletableFuture<?>[3];
        for (int i = 0; i < senders.length; i++) {
            senders[i] = CompletableFuture.runAsync(() -> {
                waiting.countDown();
                signal.await(seen, LONG);
            });
        }
        waiting.await(5, TimeUnit.SECONDS);
        Thread.sleep(100);
        signal.wake();
        CompletableFuture.allOf(senders).get(5, TimeUnit.SECONDS);
    }

    @Test
    void withoutAWakeItWaitsForTheTimeout() {
        OutboxSignal signal = new OutboxSignal();
        long t0 = System.nanoTime();
        signal.await(signal.seen(), Duration.ofMillis(200));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }
}
