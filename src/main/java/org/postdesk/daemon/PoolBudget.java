package org.postdesk.daemon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks {@code db.pool-size} against the threads that use the store. Every thread holds at most one
 * connection, and only for one short transaction (docs/ARCHITECTURE.md, "Transactions"), so a pool smaller
 * than the threads makes them take turns instead of stalling: that is a WARN naming both numbers, at start
 * and whenever a mailbox added while the daemon runs raises the count. A pool below
 * {@link org.postdesk.store.DbSettings#MIN_POOL_SIZE} is refused when the configuration is loaded, before the
 * store is opened.
 */
final class PoolBudget {
    private static final Logger log = LoggerFactory.getLogger(PoolBudget.class);

    private final int poolSize;
    private final int senders;

    PoolBudget(int poolSize, int senders) {
        this.poolSize = poolSize;
        this.senders = senders;
    }

    /** The connections {@code workers} mailbox workers, the senders and the daemon's sweeps can use at once. */
    int wanted(int workers) {
        return workers + senders + 1;
    }

    /** Logs a WARN when {@code workers} workers and the senders would wait for each other's connections. */
    void warnIfShort(int workers) {
        if (poolSize < wanted(workers)) {
            log.warn("db.pool-size {} is below the {} connections that {} mailbox worker(s) and {} outbox sender(s)"
                    + " (+1 for the daemon's sweeps) can use at once: they take turns, which slows mail down; set"
                    + " db.pool-size={} (or lower outbox.senders)", poolSize, wanted(workers), workers, senders,
                    wanted(workers));
        }
    }
}
