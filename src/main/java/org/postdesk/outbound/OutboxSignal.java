package org.postdesk.outbound;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Wakes the sender as soon as a transaction queued mail, instead of waiting for its next poll. */
public final class OutboxSignal {
    private final Semaphore permits = new Semaphore(0);

    public void wake() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    /** Waits for a wake-up or the timeout; returns early when interrupted, with the flag restored. */
    void await(Duration timeout) {
        try {
            if (permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                permits.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
