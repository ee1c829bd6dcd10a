package org.postdesk.daemon;

import java.time.Clock;
import java.util.List;
import org.postdesk.config.SecretBox;
import org.postdesk.outbound.DeliveryException;
import org.postdesk.outbound.SmtpGateway;
import org.postdesk.outbound.SmtpLinks;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;

/**
 * Sends through the SMTP server of the mailbox a mail belongs to, as configured right now, keeping one
 * connection per mailbox open between sends.
 */
public final class MailboxSmtpGateway implements SmtpGateway {
    private final Database db;
    private final SecretBox secrets;
    private final SmtpLinks links = new SmtpLinks(Clock.systemUTC());

    public MailboxSmtpGateway(Database db, SecretBox secrets) {
        this.db = db;
        this.secrets = secrets;
    }

    @Override
    public void send(long mailboxId, String envelopeFrom, List<String> recipients, byte[] raw) {
        Mailbox mailbox = new MailboxRepository(db.dsl()).byId(mailboxId)
                .orElseThrow(() -> new DeliveryException("mailbox id " + mailboxId
                        + " no longer exists: its queued mail cannot be sent", true, -1, null));
        links.send(mailbox, secrets, raw, envelopeFrom, recipients);
    }

    @Override
    public void closeIdle() {
        links.closeIdle();
    }
}
