package org.postdesk.daemon;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.postdesk.config.SecretBox;
import org.postdesk.outbound.DeliveryException;
import org.postdesk.outbound.MailBytes;
import org.postdesk.outbound.SmtpGateway;
import org.postdesk.oauth.AccessTokens;
import org.postdesk.oauth.TokenClient;
import org.postdesk.oauth.TokenRefusedException;
import org.postdesk.oauth.TokenUnavailableException;
import org.postdesk.outbound.SmtpConnector;
import org.postdesk.outbound.SmtpLinks;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;

/**
 * Sends through the SMTP server of the mailbox a mail belongs to, as configured at most {@link #FRESH_FOR} ago,
 * keeping connections per mailbox open between sends.
 */
public final class MailboxSmtpGateway implements SmtpGateway {
    /**
     * How long a mailbox read for one mail serves the next ones: reading it for every mail cost a statement and a
     * commit per mail outside any transaction (issue 16), and a changed SMTP setting or password is in force a
     * second later all the same.
     */
    static final Duration FRESH_FOR = Duration.ofSeconds(1);
    private final Database db;
    private final Map<Long, Read> recent = new ConcurrentHashMap<>();
    private final SecretBox secrets;
    private final SmtpLinks links = new SmtpLinks(Clock.systemUTC());
    private final AccessTokens accessTokens;

    public MailboxSmtpGateway(Database db, SecretBox secrets) {
        this(db, secrets, new AccessTokens(db, secrets, new TokenClient(), Clock.systemUTC()));
    }

    public MailboxSmtpGateway(Database db, SecretBox secrets, AccessTokens accessTokens) {
        this.db = db;
        this.secrets = secrets;
        this.accessTokens = accessTokens;
    }

    @Override
    public void send(long mailboxId, String envelopeFrom, List<String> recipients, byte[] raw) {
        send(mailboxId, envelopeFrom, recipients, MailBytes.of(raw));
    }

    @Override
    public void send(long mailboxId, String envelopeFrom, List<String> recipients, MailBytes raw) {
        Mailbox mailbox = mailbox(mailboxId);
        links.send(mailbox, () -> connector(mailbox), raw, envelopeFrom, recipients);
    }

    private record Read(Mailbox mailbox, long atNanos) {
    }

    private Mailbox mailbox(long mailboxId) {
        long now = System.nanoTime();
        Read read = recent.get(mailboxId);
        if (read != null && now - read.atNanos() < FRESH_FOR.toNanos()) {
            return read.mailbox();
        }
        Mailbox mailbox = new MailboxRepository(db.dsl()).byId(mailboxId)
                .orElseThrow(() -> new DeliveryException("mailbox id " + mailboxId
                        + " no longer exists: its queued mail cannot be sent", true, -1, null));
        recent.put(mailboxId, new Read(mailbox, now));
        return mailbox;
    }

    /** Signed in with the mailbox's OAuth2 access token when it has one; a token problem is retried like a 4xx. */
    private SmtpConnector connector(Mailbox mailbox) {
        SmtpConnector connector = SmtpConnector.forMailbox(mailbox, secrets);
        try {
            return accessTokens.forMailbox(mailbox).map(connector::withAccessToken).orElse(connector);
        } catch (TokenRefusedException | TokenUnavailableException e) {
            throw new DeliveryException(e.getMessage(), false, -1, e);
        }
    }

    @Override
    public void closeIdle() {
        links.closeIdle();
    }
}
