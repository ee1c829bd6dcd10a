package org.postdesk.bench;

import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Properties;
import org.postdesk.config.MailboxUrl;
import org.postdesk.config.SecretBox;
import org.postdesk.config.TlsSettings;
import org.postdesk.outbound.SmtpConnector;
import org.postdesk.store.NewMailbox;

/** GreenMail in this JVM on dynamic localhost ports; the support account logs in as support/secret. */
final class EmbeddedServer implements BenchServer {
    private static final String SUPPORT = "support@postdesk.bench";
    private static final String PASSWORD = "secret";

    private final NoDelayGreenMail greenMail = new NoDelayGreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
    private final SmtpConnector customerSmtp;

    EmbeddedServer() {
        greenMail.start();
        greenMail.setUser(SUPPORT, "support", PASSWORD);
        customerSmtp = new SmtpConnector("bench-customer", MailboxUrl.parseSmtp("smtp://127.0.0.1:" + smtpPort()),
                null, TlsSettings.DEFAULT);
    }

    @Override
    public String describe() {
        return "GreenMail in-process, TCP_NODELAY (IMAP 127.0.0.1:" + greenMail.imapPort() + ", SMTP 127.0.0.1:"
                + smtpPort() + ")";
    }

    @Override
    public String supportAddress() {
        return SUPPORT;
    }

    @Override
    public NewMailbox mailbox(SecretBox secrets) {
        return new NewMailbox("support", SUPPORT, "imap://support@127.0.0.1:" + greenMail.imapPort()
                + "/INBOX", "smtp://support@127.0.0.1:" + smtpPort(), secrets.encrypt(PASSWORD), null, null, false,
                null, "Support", "en");
    }

    @Override
    public void fill(List<BenchMail> mails) {
        Session session = Session.getInstance(new Properties());
        GreenMailUser user = greenMail.getUserManager().getUserByEmail(SUPPORT);
        try {
            for (BenchMail mail : mails) {
                user.deliver(new MimeMessage(session, new ByteArrayInputStream(mail.raw())));
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("GreenMail refused a generated message", e);
        }
    }

    @Override
    public boolean clearSupportInbox() {
        try {
            GreenMailUser user = greenMail.getUserManager().getUserByEmail(SUPPORT);
            greenMail.getManagers().getImapHostManager().getInbox(user).deleteAllMessages();
            return true;
        } catch (Exception e) {
            throw new IllegalStateException("cannot empty the GreenMail support inbox", e);
        }
    }

    @Override
    public void submit(BenchMail mail) {
        customerSmtp.send(mail.raw(), mail.from(), List.of(SUPPORT));
    }

    @Override
    public String latencyCustomer(int i) {
        return "latency" + i + "@example.test";
    }

    @Override
    public int received(String address) {
        MailFolder inbox = inboxOf(address);
        return inbox == null ? 0 : inbox.getMessageCount();
    }

    /** The messages delivered to {@code address}, oldest first; none when nothing was. */
    List<MimeMessage> inbox(String address) {
        MailFolder inbox = inboxOf(address);
        return inbox == null ? List.of() : inbox.getMessages().stream().map(StoredMessage::getMimeMessage).toList();
    }

    private MailFolder inboxOf(String address) {
        GreenMailUser user = greenMail.getUserManager().getUserByEmail(address);
        if (user == null) {
            return null;
        }
        try {
            return greenMail.getManagers().getImapHostManager().getInbox(user);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the GreenMail inbox of " + address, e);
        }
    }

    /** The SMTP server without a login: GreenMail takes any mail, so a real server's mailbox can send here. */
    String smtpUrl() {
        return "smtp://127.0.0.1:" + smtpPort();
    }

    int imapPort() {
        return greenMail.imapPort();
    }

    private int smtpPort() {
        return greenMail.smtpPort();
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
