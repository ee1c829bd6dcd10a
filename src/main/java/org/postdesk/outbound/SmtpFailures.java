package org.postdesk.outbound;

import jakarta.mail.MessagingException;
import java.net.UnknownHostException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.postdesk.config.MailboxUrl;

/**
 * Turns an SMTP failure into a {@link DeliveryException}. Only a 5xx reply to the message, the
 * sender or a recipient is permanent (RFC 5321 §4.2.1): a refused login, a 4xx or a dropped
 * connection may succeed later, so the outbox retries them.
 */
final class SmtpFailures {
    private SmtpFailures() {
    }

    /** @param sending true for a send (the message says whether it is retried), false for a login check */
    static DeliveryException delivery(String mailbox, MailboxUrl url, MessagingException e, boolean sending) {
        Refusal refusal = refusal(e);
        boolean permanent = refusal != null && refusal.code >= 500 && refusal.code < 600;
        String problem = refusal != null ? "refused: " + refusal.reply : "failed: " + root(e);
        String message = "mailbox " + mailbox + ": SMTP " + url.server() + " " + problem
                + (!sending ? "" : permanent ? " (permanent)" : " (temporary; will retry)");
        return new DeliveryException(message, permanent, refusal != null ? refusal.code : -1, e);
    }

    private record Refusal(int code, String reply) {
    }

    /** The first SMTP reply code in the chain; Angus puts recipient refusals behind a SendFailedException. */
    private static Refusal refusal(MessagingException e) {
        int depth = 0;
        for (Exception t = e; t != null && depth++ < 20; t = next(t)) {
            if (t instanceof SMTPAddressFailedException) {
                SMTPAddressFailedException a = (SMTPAddressFailedException) t;
                return new Refusal(a.getReturnCode(), reply(a) + " (recipient " + a.getAddress() + ")");
            }
            if (t instanceof SMTPSenderFailedException) {
                SMTPSenderFailedException s = (SMTPSenderFailedException) t;
                return new Refusal(s.getReturnCode(), reply(s) + " (sender " + s.getAddress() + ")");
            }
            if (t instanceof SMTPSendFailedException) {
                return new Refusal(((SMTPSendFailedException) t).getReturnCode(), reply(t));
            }
        }
        return null;
    }

    private static String reply(Exception e) {
        return e.getMessage() == null ? "" : e.getMessage().strip();
    }

    private static Exception next(Exception t) {
        return t instanceof MessagingException ? ((MessagingException) t).getNextException() : null;
    }

    private static String root(Throwable e) {
        String msg = e.getMessage();
        int depth = 0;
        for (Throwable t = e.getCause(); t != null && depth++ < 20; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "host " + t.getMessage() + " not found";
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                msg = t.getMessage();
            }
        }
        return msg == null ? e.getClass().getSimpleName() : msg.strip();
    }
}
