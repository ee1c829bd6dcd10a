package org.postdesk.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> signal.await(seen, LONG), "sender-" + i);
            t.start();
            senders.add(t);
        }
        // Wake only once all three are inside await (a wake before would not show that one reaches all).
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!senders.stream().allMatch(t -> t.getState() == Thread.State.TIMED_WAITING)) {
            assertThat(System.nanoTime()).as("senders waiting").isLessThan(deadline);
            Thread.sleep(5); // polling a condition with a deadline, as daemon.Await does
        }
        signal.wake();
        for (Thread t : senders) {
            t.join(TimeUnit.SECONDS.toMillis(5));
            assertThat(t.isAlive()).as(t.getName() + " woken").isFalse();
        }
    }

    @Test
    void withoutAWakeItWaitsForTheTimeout() {
        OutboxSignal signal = new OutboxSignal();
        long t0 = System.nanoTime();
        signal.await(signal.seen(), Duration.ofMillis(200));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }
}
