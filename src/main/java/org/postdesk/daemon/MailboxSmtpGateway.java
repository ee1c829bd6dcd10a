package org.postdesk.daemon;

import java.util.List;
import org.postdesk.config.SecretBox;
import org.postdesk.outbound.DeliveryException;
import org.postdesk.outbound.SmtpConnector;
import org.postdesk.outbound.SmtpGateway;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;

/** Sends through the SMTP server of the mailbox a mail belongs to, as configured right now. */
final class MailboxSmtpGateway implements SmtpGateway {
    private final Database db;
    private final SecretBox secrets;

    MailboxSmtpGateway(Database db, SecretBox secrets) {
        this.db = db;
        this.secrets = secrets;
    }

    @Override
    public void send(long mailboxId, String envelopeFrom, List<String> recipients, byte[] raw) {
        Mailbox mailbox = new MailboxRepository(db.dsl()).byId(mailboxId)
                .orElseThrow(() -> new DeliveryException("mailbox id " + mailboxId
                        + " no longer exists: its queued mail cannot be sent", true, -1, null));
        SmtpConnector.forMailbox(mailbox, secrets).send(raw, envelopeFrom, recipients);
    }
}
