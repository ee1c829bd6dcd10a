package org.postdesk.ingest;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.postdesk.ingest.MailboxUnavailableException.Failure;

/**
 * Finds the cause that explains a Jakarta Mail failure, IMAP or SMTP: Angus nests it as cause or
 * next exception. Public because {@code mailbox test} classifies SMTP failures the same way.
 */
public final class MailFailures {
    private MailFailures() {
    }

    public static Failure classify(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < 20; t = next(t)) {
            Failure f = direct(t);
            if (f != null) {
                return f;
            }
        }
        return Failure.OTHER;
    }

    private static Failure direct(Throwable t) {
        if (t instanceof UnknownHostException) {
            return Failure.NAME_LOOKUP;
        }
        if (t instanceof SSLException || t instanceof GeneralSecurityException || mentionsStartTls(t)) {
            return Failure.TLS;
        }
        if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof NoRouteToHostException) {
            return Failure.CONNECT;
        }
        if (t instanceof AuthenticationFailedException) {
            return Failure.AUTH;
        }
        return t instanceof FolderNotFoundException ? Failure.FOLDER : null;
    }

    /** Angus reports a missing STARTTLS only in its message. */
    private static boolean mentionsStartTls(Throwable t) {
        return t instanceof MessagingException && t.getMessage() != null
                && t.getMessage().toUpperCase(Locale.ROOT).contains("STARTTLS");
    }

    private static Throwable next(Throwable t) {
        Throwable n = t instanceof MessagingException ? ((MessagingException) t).getNextException() : null;
        n = n != null ? n : t.getCause();
        return n == t ? null : n;
    }

    /** The innermost message, which is the one that says what happened (e.g. "Connection refused"). */
    public static String rootMessage(Throwable e) {
        String msg = e.getMessage();
        int depth = 0;
        for (Throwable t = e; t != null && depth++ < 20; t = next(t)) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                msg = t.getMessage();
            }
        }
        return msg == null ? e.getClass().getSimpleName() : msg.strip();
    }
}
