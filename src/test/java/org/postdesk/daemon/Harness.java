package org.postdesk.daemon;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.postdesk.app.sender.DkimCheck;
import org.postdesk.config.ConfigLoader;
import org.postdesk.config.PostdeskConfig;
import org.postdesk.config.SecretBox;
import org.postdesk.outbound.SmtpGateway;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.NewAgent;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.TestDatabases;

/** A store, a GreenMail server with a support mailbox, and the pipeline wired to both. */
final class Harness implements AutoCloseable {
    static final String SUPPORT = "support@example.test";
    static final String CUSTOMER = "ann@example.test";
    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    final GreenMailOperations greenMail;
    final Database db;
    final SecretBox secrets;
    final PostdeskConfig config;
    final Mailbox mailbox;
    private Daemon daemon;
    private final List<Daemon> others = new ArrayList<>();

    Harness(GreenMailOperations greenMail, TestDatabases.Kind kind, Path tempDir, Map<String, String> env) {
        this(greenMail, kind, tempDir, env, 8);
    }

    /** With a pool of {@code poolSize} connections (set {@code POSTDESK_DB_POOL_SIZE} in {@code env} to match). */
    Harness(GreenMailOperations greenMail, TestDatabases.Kind kind, Path tempDir, Map<String, String> env,
            int poolSize) {
        this(greenMail, TestDatabases.open(kind, poolSize), tempDir, env);
    }

    /** Over a database of the test's own (e.g. a file H2, as the daemon's default). */
    Harness(GreenMailOperations greenMail, Database db, Path tempDir, Map<String, String> env) {
        this.greenMail = greenMail;
        greenMail.setUser(SUPPORT, "support", "secret");
        this.db = db;
        this.secrets = SecretBox.open(Map.of(SecretBox.KEY_ENV, KEY), tempDir.resolve("secret.key"));
        this.config = ConfigLoader.load(null, env);
        this.mailbox = new MailboxRepository(db.dsl()).add(new NewMailbox("support", SUPPORT,
                "imap://support@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX",
                "smtp://support@127.0.0.1:" + greenMail.getSmtp().getPort(), secrets.encrypt("secret"), null, null, false,
                null, "Support", "en"));
        // Tests before issue 9 deliver agent replies without proof of the sender; those in AgentSenderTest
        // set the check themselves.
        new MailboxRepository(db.dsl()).setAgentSenderCheck(mailbox.id(), "token-only");
    }

    /** Adds a second watched mailbox on the same GreenMail server. */
    Mailbox addMailbox(String name, String address) {
        return addMailbox(name, address, null);
    }

    /** Adds a second watched mailbox whose stored mail is moved to the folder {@code moveTo} (null: flagged). */
    Mailbox addMailbox(String name, String address, String moveTo) {
        greenMail.setUser(address, name, "secret");
        Mailbox added = new MailboxRepository(db.dsl()).add(new NewMailbox(name, address,
                "imap://" + name + "@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX",
                "smtp://" + name + "@127.0.0.1:" + greenMail.getSmtp().getPort(), secrets.encrypt("secret"), null,
                null, false, moveTo, "Sales", "en"));
        new MailboxRepository(db.dsl()).setAgentSenderCheck(added.id(), "token-only");
        return added;
    }

    /** Adds an agent of the harness's mailbox with one address; returns its id. */
    long addAgent(String name, String address) {
        return new AgentRepository(db.dsl()).add(new NewAgent(name, List.of(address), List.of(mailbox.id()))).id();
    }

    void deliverTo(String address, String raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            greenMail.getUserManager().getUserByEmail(address).deliver(message);
        } catch (Exception e) {
            throw new IllegalStateException("cannot deliver test message", e);
        }
    }

    Pipeline pipeline(SmtpGateway gatewayOrNull) {
        return new Pipeline(config, db, secrets, null, Clock.systemUTC(), gatewayOrNull);
    }

    Daemon startDaemon() {
        return startDaemon(pipeline(null));
    }

    /** With the DKIM key lookup {@code dkim} instead of DNS (issue 9). */
    Daemon startDaemon(DkimCheck dkim) {
        return startDaemon(new Pipeline(config, db, secrets, null, Clock.systemUTC(), null, dkim));
    }

    /** With a pipeline of the test's own (e.g. another clock); {@link #close} stops it. */
    Daemon startDaemon(Pipeline pipeline) {
        daemon = new Daemon(pipeline);
        daemon.start();
        return daemon;
    }

    /** Makes {@link #close} also stop {@code other}, a further daemon a test started over this store. */
    Daemon alsoStop(Daemon other) {
        others.add(other);
        return other;
    }

    void stopDaemon() {
        others.forEach(Daemon::close);
        if (daemon != null) {
            daemon.close();
            daemon = null;
        }
    }

    /** Delivers a raw message into the support inbox, as an MTA would. */
    void deliver(String raw) {
        deliverTo(SUPPORT, raw);
    }

    /** The mails GreenMail received for {@code to} whose subject starts with {@code subjectPrefix}. */
    List<MimeMessage> mailTo(String to, String subjectPrefix) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                Address[] recipients = m.getRecipients(MimeMessage.RecipientType.TO);
                return recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().contains(to))
                        && m.getSubject() != null && m.getSubject().startsWith(subjectPrefix);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    static String customerMail(String messageId, String subject, String body, String... extraHeaders) {
        StringBuilder sb = new StringBuilder();
        sb.append("From: Ann Customer <" + CUSTOMER + ">\r\n");
        sb.append("To: " + SUPPORT + "\r\n");
        sb.append("Subject: " + subject + "\r\n");
        if (messageId != null) {
            sb.append("Message-ID: " + messageId + "\r\n");
        }
        sb.append("Date: Mon, 23 Nov 2026 10:00:00 +0000\r\n");
        for (String h : extraHeaders) {
            sb.append(h).append("\r\n");
        }
        sb.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n");
        sb.append(body).append("\r\n");
        return sb.toString();
    }

    @Override
    public void close() {
        stopDaemon();
        db.close();
    }
}
