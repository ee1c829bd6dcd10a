package org.postdesk.outbound;

import java.util.List;

/** Hands one finished MIME message to the SMTP server of a mailbox; throws {@link DeliveryException}. */
public interface SmtpGateway {
    void send(long mailboxId, String envelopeFrom, List<String> recipients, byte[] raw);

    /** Called when no mail is due: a gateway that keeps connections open closes the idle ones. */
    default void closeIdle() {
    }
}
