package org.postdesk.app;

import org.postdesk.store.DatabaseFailures;
import org.postdesk.store.StoreUnavailableException;

/**
 * Tells an outage of the ingest path (retry later, the message is not flagged) from a message the database refuses
 * (store it differently): the database gone ({@link DatabaseFailures#lostTheDatabase}, the one list the daemon and
 * the command line share), the spooled source unreadable (an {@link java.io.IOException}), a pool already shut, and an
 * {@link OutOfMemoryError} anywhere in the chain (jOOQ wraps it): running out of memory says nothing about the
 * message.
 */
final class StoreFailures {
    private StoreFailures() {
    }

    static boolean isConnectivity(Throwable e) {
        if (DatabaseFailures.lostTheDatabase(e)) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError || t instanceof StoreUnavailableException
                    || t instanceof java.io.IOException) {
                return true;
            }
            if (t instanceof IllegalStateException && String.valueOf(t.getMessage()).contains("closed")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the chain holds a closed database, whose pooled connections must be replaced. */
    static boolean closedDatabase(Throwable e) {
        return DatabaseFailures.closedDatabase(e);
    }
}
