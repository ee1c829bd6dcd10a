package org.postdesk.daemon;

import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks {@code db.pool-size} against the threads that use the store. Every thread holds at most one
 * connection, and only for one short transaction (docs/ARCHITECTURE.md, "Transactions"), so a pool smaller
 * than the threads makes them take turns instead of stalling: that is a WARN naming both numbers, at start
 * and whenever a mailbox added while the daemon runs raises the count. Besides the mailbox workers and the
 * outbox senders, every other thread that takes a connection is counted ({@link Use}): the SLA sweeper, the report jobs (surveys, digest), the
 * daemon's timer (heartbeat, token refresh, supervision, idle release), the HTTP threads that answer
 * {@code /health} and {@code /metrics} from the store, and the start-up store check. A pool below
 * {@link org.postdesk.store.DbSettings#MIN_POOL_SIZE} is refused when the configuration is loaded, before the
 * store is opened.
 */
final class PoolBudget {
    private static final Logger log = LoggerFactory.getLogger(PoolBudget.class);

    private final int poolSize;
    private final int senders;
    private final List<Use> others;

    /** {@code threads} threads named {@code name} (besides workers and senders), each using one connection at a time. */
    record Use(String name, int threads) {
        @Override
        public String toString() {
            return threads == 1 ? name : name + " x" + threads;
        }
    }

    PoolBudget(int poolSize, int senders, List<Use> others) {
        this.poolSize = poolSize;
        this.senders = senders;
        this.others = List.copyOf(others);
    }

    /** The connections {@code workers} mailbox workers, the senders and the other threads can use at once. */
    int wanted(int workers) {
        return workers + senders + others();
    }

    private int others() {
        return others.stream().mapToInt(Use::threads).sum();
    }

    /** Logs a WARN when {@code workers} workers, the senders and the other threads would wait for each other. */
    void warnIfShort(int workers) {
        if (poolSize < wanted(workers)) {
            log.warn("db.pool-size {} is below the {} connections that {} mailbox worker(s), {} outbox sender(s) and {}"
                    + " other thread(s) ({}) can use at once: they take turns, which slows mail down; set"
                    + " db.pool-size={} (or lower outbox.senders)", poolSize, wanted(workers), workers, senders, others(),
                    others.stream().map(Use::toString).collect(Collectors.joining(", ")), wanted(workers));
        }
    }
}
