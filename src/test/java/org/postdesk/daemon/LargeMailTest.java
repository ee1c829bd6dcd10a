package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.mail.LargeMails;
import org.postdesk.store.AttachmentContents;
import org.postdesk.store.AttachmentRow;
import org.postdesk.store.Database;
import org.postdesk.store.DbSettings;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.MessageRow;
import org.postdesk.store.OutboxItem;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;

/**
 * Large mail through GreenMail and the whole daemon, in a JVM of its own (surefire's {@code large-mail}
 * execution, {@code -Xmx512m}: GreenMail's copies of the message share this heap; see the pom).
 */
class LargeMailTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path tempDir;

    private Harness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    /** Writes a mail with attachments of the given sizes (random bytes, base64) to a file; returns its size. */
    private static long writeMail(Path file, String messageId, int... attachmentBytes) throws IOException {
        return LargeMails.write(file, "Ann Customer <" + Harness.CUSTOMER + ">", Harness.SUPPORT,
                "Scans of the contract", messageId, attachmentBytes);
    }

    private void deliver(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            greenMail.getUserManager().getUserByEmail(Harness.SUPPORT).deliver(message);
        }
    }

    private MessageRow awaitStored(String subjectPrefix) {
        return Await.value("a stored message '" + subjectPrefix + "'", Duration.ofSeconds(120), () -> {
            List<TicketRow> tickets = new TicketRepository(harness.db.dsl()).list(null, 10);
            return tickets.stream().flatMap(t -> new MessageRepository(harness.db.dsl()).byTicket(t.id()).stream())
                    .filter(m -> m.subject() != null && m.subject().startsWith(subjectPrefix)).findFirst().orElse(null);
        }, m -> m != null);
    }

    @Test
    void aFortyMegabyteMailIsIngestedAtTheDefaultHeap() throws Exception {
        Path file = tempDir.resolve("big.eml");
        // 20 MB + 9 MB, both kept (under ingest.max-attachment-bytes): about 40 MB of base64 on the wire.
        long size = writeMail(file, "<big-1@example.test>", 20_000_000, 9_000_000);
        assertThat(size).isBetween(38_000_000L, 42_000_000L);
        // The daemon's default store: an H2 file (an in-memory H2 would hold the 40 MB in this heap too).
        harness = new Harness(greenMail, Database.open(new DbSettings("jdbc:h2:file:" + tempDir.resolve("pd"), "sa", "", 8)),
                tempDir, Map.of());
        deliver(file);
        harness.startDaemon();

        MessageRow stored = awaitStored("Scans of the contract");
        assertThat(stored.bodyText()).contains("The scans are attached.");
        List<AttachmentRow> attachments = new MessageRepository(harness.db.dsl()).attachmentsOfTicket(stored.ticketId());
        assertThat(attachments).extracting(AttachmentRow::filename).containsExactly("scan-0.bin", "scan-1.bin");
        assertThat(attachments).extracting(AttachmentRow::size).containsExactly(20_000_000L, 9_000_000L);
        Await.until("the acknowledgement", Duration.ofSeconds(60),
                () -> !harness.mailTo(Harness.CUSTOMER, "[Support").isEmpty());
    }

    @Test
    void aLargeAttachmentReachesEveryAgentIntactWhileTheOutboxHoldsOneCopyInTheStore() throws Exception {
        Path file = tempDir.resolve("notify.eml");
        writeMail(file, "<notify-big-1@example.test>", 12_000_000);
        harness = new Harness(greenMail, Database.open(new DbSettings("jdbc:h2:file:" + tempDir.resolve("pd"), "sa", "", 8)),
                tempDir, Map.of());
        List<String> agents = List.of("ava@agents.test", "ben@agents.test", "cid@agents.test");
        for (String address : agents) {
            harness.addAgent(address.substring(0, 3), address);
        }
        deliver(file);
        harness.startDaemon();

        MessageRow stored = awaitStored("Scans of the contract");
        byte[] expected = digest(new MessageRepository(harness.db.dsl()).attachmentsOfTicket(stored.ticketId()).get(0));
        for (String agent : agents) {
            MimeMessage notice = Await.value("the notification to " + agent, Duration.ofSeconds(120),
                    () -> harness.mailTo(agent, "New ticket"), l -> !l.isEmpty()).get(0);
            Multipart parts = (Multipart) notice.getContent();
            assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("scan-0.bin");
            assertThat(sha256(parts.getBodyPart(1).getInputStream())).as("the file as " + agent + " got it")
                    .isEqualTo(expected);
        }
        List<OutboxItem> rows = new OutboxRepository(harness.db.dsl()).byTicket(stored.ticketId());
        assertThat(rows).filteredOn(o -> o.kind().equals("NOTIFY")).hasSize(3)
                .allSatisfy(o -> assertThat(o.raw().length).as("outbox row " + o.id()).isLessThan(20_000));
    }

    /** The SHA-256 of the stored attachment, read from the store as the sender reads it. */
    private byte[] digest(AttachmentRow row) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
            new AttachmentContents(harness.db).copy(row.id(), out);
        }
        return sha.digest();
    }

    private static byte[] sha256(InputStream in) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream digesting = new DigestInputStream(in, sha)) {
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return sha.digest();
    }

    @Test
    void aMailOverTheSizeCapIsStoredAsItsHeadersWithANoteAndTicketed() throws Exception {
        Path file = tempDir.resolve("over.eml");
        writeMail(file, "<over-1@example.test>", 300_000);
        harness = new Harness(greenMail, TestDatabases.Kind.H2, tempDir,
                Map.of("POSTDESK_INGEST_MAX_MESSAGE_BYTES", "200000"));
        deliver(file);
        harness.startDaemon();

        MessageRow stored = awaitStored("Scans of the contract");
        assertThat(stored.bodyText()).contains("did not download this message", "ingest.max-message-bytes");
        assertThat(stored.messageId()).isEqualTo("<over-1@example.test>");
        assertThat(new MessageRepository(harness.db.dsl()).attachmentsOfTicket(stored.ticketId())).isEmpty();
        Await.until("the acknowledgement", Duration.ofSeconds(60),
                () -> !harness.mailTo(Harness.CUSTOMER, "[Support").isEmpty());
    }
}
