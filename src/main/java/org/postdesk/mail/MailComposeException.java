package org.postdesk.mail;

/**
 * Building outbound MIME failed inside Jakarta Mail. It wraps the checked {@code MessagingException} or
 * {@code IOException} once, with the cause, so callers in {@code outbound} deal with one unchecked type.
 * It signals a bug or an unusable value in the {@link OutboundMail}, never a network problem: retrying the
 * same mail gives the same failure.
 */
public class MailComposeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MailComposeException(String message, Throwable cause) {
        super(message, cause);
    }
}
