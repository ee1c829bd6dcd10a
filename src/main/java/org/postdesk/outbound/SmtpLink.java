package org.postdesk.outbound;

import java.util.List;

/** An open, logged-in connection to one SMTP server that can hand over several mails in turn. */
public interface SmtpLink extends AutoCloseable {

    /** Sends {@code rawMime} as is; a failure is a {@link DeliveryException} and leaves the link unusable. */
    void send(byte[] rawMime, String envelopeFrom, List<String> recipients);

    /** Whether the server still answers on this link (one NOOP). */
    boolean usable();

    /** Says QUIT and closes; never throws. */
    @Override
    void close();
}
