package org.postdesk.store;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the pool's connections when a statement finds the database gone under it. Two cases, one remedy:
 * <ul>
 *   <li>the embedded H2 database closed itself (a full disk, a read-only file system, memory exhausted inside
 *       H2): new connections open the file again once it can be written;</li>
 *   <li>PostgreSQL restarted or an admin terminated Postdesk's sessions (SQLState 57P01–57P03, or the socket
 *       broke, class 08): every pooled session is dead, not only the one that noticed. The pool drops only the
 *       connection that failed and hands out the others, each failing once in turn: a worker's retry, a CLI
 *       command or the outbox sender would each meet a dead session after the server was back.</li>
 * </ul>
 * Here in the store, for every user of it; when only the mailbox worker did it, an outbox sender or a timer that
 * met the closed database kept failing until the next mail came in (docs/ARCHITECTURE.md, "Transactions").
 * Eviction is soft: a connection in use by another transaction is closed when it is returned, not under it.
 */
final class LostStoreRecovery implements ExecuteListener {
    private static final Logger log = LoggerFactory.getLogger(LostStoreRecovery.class);
    private final Runnable evict;

    LostStoreRecovery(Runnable evict) {
        this.evict = evict;
    }

    @Override
    public void exception(ExecuteContext ctx) {
        Throwable failure = ctx.exception() != null ? ctx.exception() : ctx.sqlException();
        if (failure == null) {
            return;
        }
        if (DatabaseFailures.closedDatabase(failure)) {
            log.warn("the store's database was closed under a statement ({}); replacing the pool's connections so"
                    + " that new ones open it again", failure.getMessage());
            evict.run();
        } else if (DatabaseFailures.lostTheDatabase(failure)) {
            log.warn("the store lost its database session under a statement ({}); replacing every pooled"
                    + " connection, since a server restart ends them all", failure.getMessage());
            evict.run();
        }
    }
}
