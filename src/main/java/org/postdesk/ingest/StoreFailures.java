package org.postdesk.ingest;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.postdesk.store.StoreUnavailableException;

/** Tells a database that is down (retry later) from a message the database refuses (store it differently). */
final class StoreFailures {
    private StoreFailures() {
    }

    static boolean isConnectivity(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
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
}
