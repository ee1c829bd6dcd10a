package org.postdesk.bench;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.postdesk.config.MailboxUrl;
import org.postdesk.config.SecretBox;
import org.postdesk.config.TlsSettings;
import org.postdesk.ingest.ImapConnector;
import org.postdesk.outbound.SmtpConnector;
import org.postdesk.outbound.SmtpLink;
import org.postdesk.store.Mailbox;
import org.postdesk.store.NewMailbox;

/**
 * A real server's support mailbox, given by URLs. It is filled by IMAP APPEND; latency samples are sent
 * through the same SMTP server from {@code --customer}'s plus-addressed variants, which receive the acks.
 */
final class RemoteServer implements BenchServer {
    private static final int APPEND_BATCH = 100;

    private final BenchOptions options;
    private final String imapUrl;
    private final String smtpUrl;
    private final String password;
    private final String address;
    private NewMailbox mailbox;
    private SecretBox secrets;
    /** Idle SMTP connections of {@link #submit}. */
    private final ConcurrentLinkedDeque<SmtpLink> links = new ConcurrentLinkedDeque<>();

    RemoteServer(BenchOptions options, String password) {
        this.options = options;
        this.imapUrl = withUser(options.imapUrl(), options.user());
        this.smtpUrl = withUser(options.smtpUrl(), options.user());
        this.password = password;
        String login = MailboxUrl.parseImap(imapUrl).user();
        this.address = options.address() != null ? options.address() : login;
        if (address == null || !address.contains("@")) {
            throw new BenchOptions.UsageException("give --address: the login " + login + " is not an address", 2);
        }
    }

    private static String withUser(String url, String user) {
        int scheme = url.indexOf("://");
        if (user == null || scheme < 0 || url.indexOf('@', scheme) >= 0) {
            return url;
        }
        return url.substring(0, scheme + 3) + user + "@" + url.substring(scheme + 3);
    }

    @Override
    public String describe() {
        return "IMAP " + MailboxUrl.parseImap(imapUrl).server() + ", SMTP " + MailboxUrl.parseSmtp(smtpUrl).server();
    }

    @Override
    public String supportAddress() {
        return address;
    }

    @Override
    public NewMailbox mailbox(SecretBox secrets) {
        this.secrets = secrets;
        this.mailbox = new NewMailbox("support", address, imapUrl, smtpUrl, secrets.encrypt(password), null, null,
                options.trustAll(), null, "Support", "en");
        return mailbox;
    }

    @Override
    public void fill(List<BenchMail> mails) {
        if (options.maildir() != null) {
            MaildirFill.write(options.maildir(), mails);
            return;
        }
        IMAPFolder folder = ImapConnector.forMailbox(asMailbox(), secrets).open();
        Session session = Session.getInstance(new Properties());
        try {
            for (int from = 0; from < mails.size(); from += APPEND_BATCH) {
                List<Message> batch = new ArrayList<>();
                for (BenchMail mail : mails.subList(from, Math.min(mails.size(), from + APPEND_BATCH))) {
                    batch.add(new MimeMessage(session, new ByteArrayInputStream(mail.raw())));
                }
                folder.appendMessages(batch.toArray(new Message[0]));
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot append to " + imapUrl + ": " + e.getMessage(), e);
        } finally {
            ImapConnector.closeFolderAndStore(folder);
        }
    }

    /** The IMAP server's port (the relay of {@code scripts/bench-daemon} connects to it on loopback). */
    int imapPort() {
        return MailboxUrl.parseImap(imapUrl).port();
    }

    /** Expunges every message of the support INBOX ({@code --empty-inbox}); returns how many. */
    int empty() {
        IMAPFolder folder = ImapConnector.forMailbox(asMailbox(), secrets).open();
        try {
            int n = folder.getMessageCount();
            if (n > 0) {
                folder.setFlags(1, n, new jakarta.mail.Flags(jakarta.mail.Flags.Flag.DELETED), true);
                folder.expunge();
            }
            return n;
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot empty " + imapUrl + ": " + e.getMessage(), e);
        } finally {
            ImapConnector.closeFolderAndStore(folder);
        }
    }

    private Mailbox asMailbox() {
        return new Mailbox(0, mailbox.name(), address, imapUrl, smtpUrl, mailbox.passwordEnc(), null, null,
                options.trustAll(), null, "Support", "en", true, Instant.now());
    }

    @Override
    public boolean clearSupportInbox() {
        return false;
    }

    /**
     * Sends over a connection kept open (one per sending thread at a time, {@link #links}): a new connection, TLS and
     * login per mail capped the latency phase's own sending at a few dozen mails a second on this machine.
     */
    @Override
    public void submit(BenchMail mail) {
        SmtpLink link = links.poll();
        if (link == null) {
            link = new SmtpConnector("bench-customer", MailboxUrl.parseSmtp(smtpUrl), password,
                    new TlsSettings(null, options.trustAll())).open();
        }
        try {
            link.send(mail.raw(), mail.from(), List.of(address));
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
        links.push(link);
    }

    @Override
    public String latencyCustomer(int i) {
        String customer = options.customer();
        int at = customer.lastIndexOf('@');
        return customer.substring(0, at) + "+pd" + i + customer.substring(at);
    }

    @Override
    public int received(String address) {
        return -1;
    }

    @Override
    public void close() {
        for (SmtpLink link = links.poll(); link != null; link = links.poll()) {
            link.close();
        }
    }
}
