package org.postdesk.ingest;

/**
 * A mailbox's IMAP server cannot be used right now: retryable, and the worker backs off. The
 * {@link Failure} says which step failed, so {@code mailbox test} and the logs can name the fix;
 * the message names the mailbox, the step, the problem and a fix.
 */
public class MailboxUnavailableException extends RuntimeException {
    private final String mailbox;
    private final Failure failure;

    public MailboxUnavailableException(String mailbox, Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.mailbox = mailbox;
        this.failure = failure;
    }

    public String mailbox() {
        return mailbox;
    }

    public Failure failure() {
        return failure;
    }

    /** The step that failed, in the order a connection goes through them. */
    public enum Failure {
        NAME_LOOKUP("resolve", "check the host name in the URL and that DNS works from this machine"),
        CONNECT("connect", "check the port, that the server runs and that no firewall blocks it"),
        TLS("TLS", "check the scheme (implicit TLS: imaps:// 993, smtps:// 465; STARTTLS: imap+starttls:// 143,"
                + " smtp+starttls:// 587); for a private CA give --trust-store FILE;"
                + " --trust-any-certificate is for testing only"),
        AUTH("login", "check the user in the URL and the password (remove and add the mailbox again to change it)"),
        FOLDER("folder", "check the folder name in the URL or --move-to (case matters, e.g. INBOX)"),
        OTHER("session", "see the server's reply above; run with --verbose for details");

        private final String step;
        private final String fix;

        Failure(String step, String fix) {
            this.step = step;
            this.fix = fix;
        }

        /** The step as {@code mailbox test} prints it: resolve, connect, TLS, login, folder. */
        public String step() {
            return step;
        }

        public String fix() {
            return fix;
        }
    }
}
