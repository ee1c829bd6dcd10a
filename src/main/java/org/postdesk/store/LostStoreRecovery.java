package org.postdesk.store;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the pool's connections when a statement finds the embedded H2 database closed under it (a full disk,
 * a read-only file system, memory exhausted inside H2): new connections open the file again once it can be
 * written. Here in the store, for every user of it; when only the mailbox worker did it, an outbox sender or a
 * timer that met the closed database kept failing until the next mail came in (docs/ARCHITECTURE.md,
 * "Transactions").
 */
final class ClosedStoreRecovery implements ExecuteListener {
    private static final Logger log = LoggerFactory.getLogger(ClosedStoreRecovery.class);
    private final Runnable evict;

    ClosedStoreRecovery(Runnable evict) {
        this.evict = evict;
    }

    @Override
    public void exception(ExecuteContext ctx) {
        if (DatabaseFailures.closedDatabase(ctx.exception()) || DatabaseFailures.closedDatabase(ctx.sqlException())) {
            log.warn("the store's database was closed under a statement ({}); replacing the pool's connections so"
                    + " that new ones open it again", ctx.exception() == null ? ctx.sqlException() : ctx.exception()
                    .getMessage());
            evict.run();
        }
    }
}
