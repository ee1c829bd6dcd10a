package org.postdesk.outbound;

import java.time.Duration;

/**
 * Wakes the senders as soon as a transaction queued mail (or the daemon stops), instead of letting them
 * wait for their next poll. Every wake-up reaches every sender; one that comes while a sender is busy is
 * not lost, because a sender waits only if nothing was signalled since it last looked.
 */
public final class OutboxSignal {
    private long generation;

    public synchronized void wake() {
        generation++;
        notifyAll();
    }

    /** What a sender remembers before it looks for due mail. */
    synchronized long seen() {
        return generation;
    }

    /**
     * Waits until something was signalled after {@code seen}, or the timeout; returns early when
     * interrupted, with the flag restored.
     */
    synchronized void await(long seen, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (generation == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
