package org.postdesk.app;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.postdesk.store.StoreUnavailableException;

/**
 * Tells an outage (retry later, the message is not flagged) from a message the database refuses (store it
 * differently). An outage is a database that is down, closed (H2 closes itself after an internal error:
 * "The database has been closed", 90098) or unreachable, a lost connection, and an {@link OutOfMemoryError}
 * anywhere in the chain (jOOQ wraps it): running out of memory says nothing about the message.
 */
final class StoreFailures {
    private StoreFailures() {
    }

    static boolean isConnectivity(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError || isClosedDatabase(t)) {
                return true;
            }
            if (t instanceof StoreUnavailableException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof java.net.SocketException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t instanceof java.io.IOException || t instanceof IllegalStateException
                    && String.valueOf(t.getMessage()).contains("closed")) {
                return true;
            }
        }
        return false;
    }

    /** H2's codes for a database or connection that was closed under us: 90098, 90121, 90007. */
    static boolean isClosedDatabase(Throwable t) {
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            if (state.equals("90098") || state.equals("90121") || state.equals("90007")) {
                return true;
            }
        }
        String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("database has been closed") || message.contains("database is already closed");
    }

    /** Whether the chain holds a closed database, whose pooled connections must be replaced. */
    static boolean closedDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isClosedDatabase(t)) {
                return true;
            }
        }
        return false;
    }
}
