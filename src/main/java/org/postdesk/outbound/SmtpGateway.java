package org.postdesk.outbound;

import java.util.List;

/** Hands one finished MIME message to the SMTP server of a mailbox; throws {@link DeliveryException}. */
public interface SmtpGateway {
    void send(long mailboxId, String envelopeFrom, List<String> recipients, byte[] raw);

    /**
     * Sends a mail written as it goes (stored attachments read from the store on the way); a gateway that
     * can stream overrides this, the default puts the bytes in one array first.
     */
    default void send(long mailboxId, String envelopeFrom, List<String> recipients, MailBytes mail) {
        send(mailboxId, envelopeFrom, recipients, mail.toByteArray());
    }

    /** Called when no mail is due: a gateway that keeps connections open closes the idle ones. */
    default void closeIdle() {
    }
}
