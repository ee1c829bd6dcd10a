package org.postdesk.store;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * The one place that tells "the database went away" from "the database refused this": the daemon retries the
 * first (the message stays unflagged, the daemon waits at start), a command exits with 4 for it, and only the
 * second may be blamed on a message. Before, the ingest path, the daemon's start and the command line each had a
 * list of their own, and the ingest one lacked PostgreSQL's 57P01: a PostgreSQL restart in the middle of a
 * message stored that message in reduced form, without its acknowledgement.
 */
public final class DatabaseFailures {
    private DatabaseFailures() {
    }

    /**
     * Whether the chain says the database cannot be reached or went away under the statement: the pool found no
     * connection, the driver lost it (SQLState class 08, connection exception), PostgreSQL shut down, restarted or
     * terminated the session (57P01–57P03), H2 closed the database or lost its server (90098, 90121, 90007, 90067),
     * the file is being handed over between processes (90020), or the network failed.
     */
    public static boolean lostTheDatabase(Throwable e) {
        boolean lostState = false;
        boolean otherState = false;
        boolean connectionTrouble = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                lostState |= lost(sql.getSQLState());
                otherState |= !lost(sql.getSQLState());
            }
            connectionTrouble |= t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException || t instanceof UnknownHostException
                    || t instanceof SocketException || closedMessage(t);
        }
        // The pool reports every failure to open a connection as "connection not available": the driver's own
        // SQLState under it decides (a syntax error in the connection set-up is not an outage).
        return lostState || connectionTrouble && !otherState;
    }

    /**
     * Whether the server answered and refused for good: a wrong password or no such role (28…), no such database
     * (3D…). Waiting does not help; the admin must.
     */
    public static boolean refusedForGood(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("28") || sql.getSQLState().startsWith("3D"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the chain holds an H2 database closed under us, whose pooled connections must be replaced. */
    public static boolean closedDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && closed(sql.getSQLState())
                    || closedMessage(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean lost(String state) {
        return state.startsWith("08") || state.startsWith("57P") || closed(state) || state.equals("90067")
                || state.equals("90020");
    }

    /** H2's codes for a database or connection that was closed under us. */
    private static boolean closed(String state) {
        return state.equals("90098") || state.equals("90121") || state.equals("90007");
    }

    private static boolean closedMessage(Throwable t) {
        String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("database has been closed") || message.contains("database is already closed");
    }
}
