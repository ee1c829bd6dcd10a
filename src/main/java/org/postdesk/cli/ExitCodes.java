package org.postdesk.cli;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.postdesk.app.RefusedException;
import org.postdesk.config.ConfigException;
import org.postdesk.ingest.MailboxUnavailableException;
import org.postdesk.store.StoreUnavailableException;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/** 0 ok, 1 internal error, 2 usage, 3 configuration, 4 a server or the database is unavailable. */
public final class ExitCodes implements IExitCodeExceptionMapper {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int USAGE = 2;
    public static final int CONFIG = 3;
    public static final int UNAVAILABLE = 4;

    @Override
    public int getExitCode(Throwable t) {
        if (t instanceof ParameterException || t instanceof RefusedException) {
            return USAGE;
        }
        if (t instanceof ConfigException) {
            return CONFIG;
        }
        if (t instanceof StoreUnavailableException || t instanceof MailboxUnavailableException
                || lostTheDatabase(t)) {
            return UNAVAILABLE;
        }
        return INTERNAL;
    }

    /**
     * The database went away during the command: the pool found no connection, or the driver lost it
     * (SQLState class 08, "connection exception"), PostgreSQL was shut down or restarted under the statement
     * (57P01-57P03: terminated by an administrator, crash shutdown, cannot connect now), or H2 closed the
     * database or lost its server (90098, 90121, 90067). Anything else from the database is a bug (1).
     */
    static boolean lostTheDatabase(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLTransientConnectionException || c instanceof SQLNonTransientConnectionException
                    || (c instanceof SQLException e && e.getSQLState() != null && lost(e.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean lost(String sqlState) {
        return sqlState.startsWith("08") || sqlState.startsWith("57P") || sqlState.equals("90098")
                || sqlState.equals("90121") || sqlState.equals("90067");
    }
}
