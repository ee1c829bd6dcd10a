package org.postdesk.store;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** The database cannot be reached or migrated; retryable once the server is back. */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether waiting can help: the server is down, restarting or unreachable, or (embedded H2 shared by
     * several processes) the process serving the file was just closing it. Not when the server answered and
     * refused — a wrong password ({@code 28…}), a database that does not exist ({@code 3D…}) — or the schema
     * cannot be migrated: those need the admin, so the daemon should stop and say so.
     */
    public boolean isOutage() {
        boolean outage = false;
        for (Throwable t = getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("28") || state.startsWith("3D")) {
                    return false;
                }
                // 08…: connection exception (PostgreSQL 08001, 08006); 57P01–57P03: the server shuts down or
                // starts; H2 90067 connection broken, 90098/90121 closed under us, 90020 file in use.
                outage |= state.startsWith("08") || state.startsWith("57P") || state.equals("90067")
                        || state.equals("90098") || state.equals("90121") || state.equals("90020");
            }
            outage |= t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException || t instanceof UnknownHostException
                    || t instanceof SocketException;
        }
        return outage;
    }
}
