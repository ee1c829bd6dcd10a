package org.postdesk.bench;

/**
 * Paces a sending loop: turn {@code i} starts {@code i} periods after the first, however long the
 * earlier turns took, so a slow turn does not shift the ones after it (no coordinated omission).
 */
final class SteadyRate {
    private final long periodNanos;
    private final long start = System.nanoTime();

    SteadyRate(double perSecond) {
        this.periodNanos = (long) (1e9 / perSecond);
    }

    void awaitTurn(int i) throws InterruptedException {
        long wait = start + i * periodNanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
