package org.postdesk.cli;

import org.postdesk.app.RefusedException;
import org.postdesk.config.ConfigException;
import org.postdesk.ingest.MailboxUnavailableException;
import org.postdesk.store.DatabaseFailures;
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

    /** The database went away during the command ({@link DatabaseFailures#lostTheDatabase}); else a bug (1). */
    static boolean lostTheDatabase(Throwable t) {
        return DatabaseFailures.lostTheDatabase(t);
    }
}
