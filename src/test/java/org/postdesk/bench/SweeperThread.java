package org.postdesk.bench;

import java.time.Instant;
import org.postdesk.deadlines.SlaSweeper;
import org.postdesk.store.SlaMarks;

/**
 * The daemon's SLA sweeper on its own thread ({@code sla-sweeper}, as {@code postdesk run} names it) while the
 * throughput phases run ({@code --sla-sweeper}), so their CPU per message includes the sweeper's replays of the
 * tickets the worker changed; or nothing, when not asked for.
 */
final class SweeperThread implements AutoCloseable {
    private final BenchStack stack;
    private final SlaSweeper sweeper;
    private final Thread thread;
    private final Instant since = Instant.now();

    private SweeperThread(BenchStack stack, SlaSweeper sweeper) {
        this.stack = stack;
        this.sweeper = sweeper;
        this.thread = sweeper == null ? null : new Thread(sweeper, "sla-sweeper");
        if (thread != null) {
            thread.setDaemon(true);
            thread.start();
        }
    }

    static SweeperThread startIf(boolean wanted, BenchStack stack) {
        return new SweeperThread(stack, wanted ? stack.pipeline().newSlaSweeper() : null);
    }

    boolean running() {
        return thread != null;
    }

    /** Returns once no ticket changed since the start is behind its SLA replay (at once when not running). */
    void awaitCaughtUp() {
        if (thread == null) {
            return;
        }
        // The sweeper sleeps up to a minute between runs; the drain's CPU should count its catch-up, not that
        // minute of an idle daemon (and of this loop's polling), so it is woken at once.
        sweeper.wake();
        SlaMarks marks = new SlaMarks(stack.db().dsl());
        while (!marks.behind(since, 1).isEmpty() || !marks.stale(1).isEmpty()) {
            try {
                Thread.sleep(20); // a benchmark's poll, not a test's wait: the sweeper has no completion signal
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (thread != null) {
            sweeper.stop();
            thread.join();
        }
    }
}
