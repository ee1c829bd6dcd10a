package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A periodic round that fails, with an exception or an Error, runs again on its next turn. */
class RoundsTest {

    @Test
    void aRoundThatRanOutOfMemoryOrThrewRunsAgain() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            AtomicInteger calls = new AtomicInteger();
            CountDownLatch fourth = new CountDownLatch(4);
            Rounds.every(executor, "test round", Duration.ofMillis(10), () -> {
                int call = calls.incrementAndGet();
                fourth.countDown();
                switch (call) {
                    case 1 -> throw new OutOfMemoryError("Java heap space (simulated)");
                    case 2 -> throw new IllegalStateException("the store is away");
                    case 3 -> throw new StackOverflowError();
                    default -> { }
                }
            });
            assertThat(fourth.await(20, TimeUnit.SECONDS))
                    .as("the round ran again after each failure; calls so far: %s", calls).isTrue();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void withoutTheGuardTheExecutorWouldNeverRunTheRoundAgain() throws Exception {
        // What the guard is for: the JDK's executor ends a periodic task at its first throw, silently.
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try {
            AtomicInteger calls = new AtomicInteger();
            java.util.concurrent.ScheduledFuture<?> future = executor.scheduleWithFixedDelay(() -> {
                calls.incrementAndGet();
                throw new OutOfMemoryError("Java heap space (simulated)");
            }, 0, 10, TimeUnit.MILLISECONDS);
            assertThat((java.util.concurrent.Future<?>) future).failsWithin(Duration.ofSeconds(20));
            assertThat(calls).hasValue(1);
        } finally {
            executor.shutdownNow();
        }
    }
}
