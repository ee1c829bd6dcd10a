package org.postdesk.daemon;

import java.time.Duration;
import java.util.function.Supplier;
import org.postdesk.store.Database;
import org.postdesk.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store for the daemon, waiting out an outage: a PostgreSQL server that is still starting after a
 * reboot, a network blip, or an embedded H2 file whose serving process (a CLI command run while the daemon
 * starts) is just closing it. "Losing the database is an outage to retry": the daemon keeps trying with a
 * doubling delay, logging each attempt, and gives up only on what waiting cannot fix (a wrong password, a
 * missing database, a failed migration), which ends start-up with exit code 4.
 */
public final class StoreAtStart {
    /** Sleeps; a test passes one that records instead. */
    public interface Pause {
        void sleep(Duration d) throws InterruptedException;
    }

    private static final Logger log = LoggerFactory.getLogger(StoreAtStart.class);

    private StoreAtStart() {
    }

    public static Database open(Supplier<Database> open, Duration maxBackoff, Pause pause) {
        Duration delay = Duration.ofSeconds(1);
        for (int attempt = 1; ; attempt++) {
            try {
                Database db = open.get();
                if (attempt > 1) {
                    log.info("store reachable again after {} failed attempt(s)", attempt - 1);
                }
                return db;
            } catch (StoreUnavailableException e) {
                if (!e.isOutage()) {
                    throw e;
                }
                log.warn("{} (attempt {}, retrying in {})", e.getMessage(), attempt, delay);
                try {
                    pause.sleep(delay);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                delay = delay.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : delay.multipliedBy(2);
            }
        }
    }
}
