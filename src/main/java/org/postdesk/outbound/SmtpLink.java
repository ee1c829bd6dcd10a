package org.postdesk.outbound;

import java.util.List;

/** An open, logged-in connection to one SMTP server that can hand over several mails in turn. */
public interface SmtpLink extends AutoCloseable {

    /** Sends {@code rawMime} as is; a failure is a {@link DeliveryException} and leaves the link unusable. */
    void send(byte[] rawMime, String envelopeFrom, List<String> recipients);

    /** Sends {@code mail} as it is written; the default puts it in one array first. */
    default void send(MailBytes mail, String envelopeFrom, List<String> recipients) {
        send(mail.toByteArray(), envelopeFrom, recipients);
    }

    /** Whether the server still answers on this link (one NOOP). */
    boolean usable();

    /** Says QUIT and closes; never throws. */
    @Override
    void close();
}
