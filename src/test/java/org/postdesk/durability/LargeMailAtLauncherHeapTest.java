package org.postdesk.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.config.SecretBox;
import org.postdesk.mail.LargeMails;
import org.postdesk.store.AttachmentRow;
import org.postdesk.store.Database;
import org.postdesk.store.DbSettings;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.MessageRow;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.TicketRepository;

/**
 * Issue 15: a 40 MB mail ingested by a daemon at the launcher's heap. The daemon ({@link KillChild}: the real
 * store, ingest and outbox wired as the daemon wires them) runs in a JVM of its own with {@code -Xmx256m
 * -XX:+UseSerialGC}, the flags {@code scripts/postdesk} gives it, so GreenMail's copies of the message stay in this
 * test's JVM and out of the measured heap (LargeMailTest runs both in one JVM and needs 512m for that reason).
 */
class LargeMailAtLauncherHeapTest {
    private static final String SUPPORT = "support@large.test";
    /** Generous: the child reads 40 MB from GreenMail and writes 29 MB into H2 on a machine that may be loaded. */
    private static final Duration STORED_WITHIN = Duration.ofMinutes(8);

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path dir;

    @Test
    void aFortyMegabyteMailIsStoredByADaemonAt256Megabytes() throws Exception {
        DbSettings store = new DbSettings("jdbc:h2:file:" + dir.resolve("db/postdesk"), "sa", "", 10);
        greenMail.setUser(SUPPORT, "support", "secret");
        try (Database db = Database.open(store)) {
            SecretBox secrets = SecretBox.open(Map.of(SecretBox.KEY_ENV, KillScenario.KEY), dir.resolve("secret.key"));
            new MailboxRepository(db.dsl()).add(new NewMailbox("support", SUPPORT,
                    "imap://support@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX",
                    "smtp://support@127.0.0.1:" + greenMail.getSmtp().getPort(), secrets.encrypt("secret"), null,
                    null, false, null, "Support", "en"));
        }
        Path file = dir.resolve("big.eml");
        long size = LargeMails.write(file, "Ann Customer <ann@customer.test>", SUPPORT, "Scans of the contract",
                "<big-256@example.test>", 20_000_000, 9_000_000);
        assertThat(size).isBetween(38_000_000L, 42_000_000L);
        try (InputStream in = Files.newInputStream(file)) {
            greenMail.getUserManager().getUserByEmail(SUPPORT).deliver(new MimeMessage(Session.getInstance(new Properties()), in));
        }

        Path journal = dir.resolve("journal.txt");
        Path log = dir.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
                "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true", "-cp", KillScenario.childClasspath(),
                KillChild.class.getName(), journal.toString(), store.url(), store.user(), "");
        pb.environment().put(SecretBox.KEY_ENV, KillScenario.KEY);
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        Process child = pb.start();
        try {
            Journal.Tail tail = new Journal.Tail(journal);
            Instant deadline = Instant.now().plus(STORED_WITHIN);
            while (tail.count(Journal.STORED) < 1) {
                if (!child.isAlive() || Instant.now().isAfter(deadline)) {
                    fail("the daemon at -Xmx256m " + (child.isAlive() ? "did not store the 40 MB mail within " + STORED_WITHIN
                            : "exited with " + child.exitValue()) + "; its output:\n" + Files.readString(log, StandardCharsets.UTF_8));
                }
                child.waitFor(500, TimeUnit.MILLISECONDS);
            }
        } finally {
            child.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(output).doesNotContain("OutOfMemoryError").doesNotContain("Java heap space");

        try (Database db = Database.open(store)) {
            MessageRow stored = new TicketRepository(db.dsl()).list(null, 10).stream()
                    .flatMap(t -> new MessageRepository(db.dsl()).byTicket(t.id()).stream()).findFirst().orElseThrow();
            assertThat(stored.subject()).isEqualTo("Scans of the contract");
            List<AttachmentRow> files = new MessageRepository(db.dsl()).attachmentsOfTicket(stored.ticketId());
            assertThat(files).extracting(AttachmentRow::filename).containsExactly("scan-0.bin", "scan-1.bin");
            assertThat(files).extracting(AttachmentRow::size).containsExactly(20_000_000L, 9_000_000L);
        }
    }
}
