package org.postdesk.daemon;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's periodic rounds (heartbeat, mailbox supervision, token refresh, sweeps, reports) on a scheduled
 * executor. A {@link ScheduledExecutorService} runs a task that threw never again, and says nothing: its future
 * only holds the error. Each round already handles its exceptions; an {@link Error} (the heap exhausted by a burst
 * of large mail elsewhere in the daemon) would still have ended it for the rest of the daemon's life, so that the
 * heartbeat stopped (other daemons then take over its mailboxes while it still works them), OAuth2 tokens expired,
 * or added mailboxes were never watched. Running out of memory is an outage to retry, as for the workers.
 */
final class Rounds {
    private static final Logger log = LoggerFactory.getLogger(Rounds.class);

    private Rounds() {
    }

    /** Runs {@code round} every {@code every} on {@code executor}, the first time after {@code every}. */
    static ScheduledFuture<?> every(ScheduledExecutorService executor, String what, Duration every, Runnable round) {
        return executor.scheduleWithFixedDelay(surviving(what, every, round), every.toMillis(), every.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** {@code round}, catching whatever it throws, so that the executor runs it again. */
    static Runnable surviving(String what, Duration every, Runnable round) {
        return () -> {
            try {
                round.run();
            } catch (Exception e) {
                log.warn("{} failed, retrying in {}: {}", what, every, e.toString(), e);
            } catch (OutOfMemoryError e) {
                log.error("{} ran out of memory, retrying in {}; raise the heap (POSTDESK_HEAP) if this repeats",
                        what, every, e);
            } catch (Error e) {
                log.error("{} failed, retrying in {}: {}", what, every, e.toString(), e);
            }
        };
    }
}
