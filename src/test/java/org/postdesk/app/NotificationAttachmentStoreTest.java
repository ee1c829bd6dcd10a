package org.postdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.config.ConfigLoader;
import org.postdesk.config.SecretBox;
import org.postdesk.daemon.Pipeline;
import org.postdesk.ingest.Disposition;
import org.postdesk.outbound.SplicedMail;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.AttachmentContents;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.NewAgent;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.OutboxItem;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.OutboxSplice;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;

/**
 * A customer's attachments are stored once and every agent's notification references them (issue 15): the
 * outbox rows stay small, and the mail put together at send time carries the very bytes, the same on every
 * attempt; on H2 and PostgreSQL.
 */
class NotificationAttachmentStoreTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void notificationsReferenceTheStoredAttachmentsInsteadOfCopyingThem(TestDatabases.Kind kind) throws Exception {
        byte[] scan = new byte[2_500_000]; // chunked in the store (over 1 MiB)
        new Random(7).nextBytes(scan);
        byte[] log = "error 42".getBytes(StandardCharsets.US_ASCII); // kept in its row
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(("From: Ann <ann@example.test>\r\nTo: support@example.test\r\nSubject: scan\r\n"
                + "Message-ID: <notify-1@example.test>\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: text/plain\r\n\r\nsee scan\r\n--b\r\nContent-Type: application/pdf; name=scan.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        raw.writeBytes(Base64.getMimeEncoder().encode(scan));
        raw.writeBytes(("\r\n--b\r\nContent-Type: text/plain; name=log.txt\r\nContent-Disposition: attachment; "
                + "filename=log.txt\r\n\r\nerror 42\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII));
        try (Database db = TestDatabases.open(kind)) {
            Mailbox mailbox = new MailboxRepository(db.dsl()).add(new NewMailbox("support", "support@example.test",
                    "imap://support@127.0.0.1/INBOX", "smtp://127.0.0.1", null, null, null, false, null, "Support", "en"));
            for (String name : List.of("ava", "ben", "cid")) {
                new AgentRepository(db.dsl()).add(new NewAgent(name, List.of(name + "@agents.test"),
                        List.of(mailbox.id())));
            }
            Pipeline pipeline = new Pipeline(ConfigLoader.load(null, Map.of()), db, SecretBox.open(Map.of(
                    SecretBox.KEY_ENV, Base64.getEncoder().encodeToString(new byte[32])), dir.resolve("k")), null,
                    Clock.systemUTC());
            IngestResult result = pipeline.ingest().ingest(mailbox, 1L, raw.toByteArray(), null);
            long ticketId = new TicketRepository(db.dsl()).byNumber(result.number()).orElseThrow().id();

            OutboxRepository outbox = new OutboxRepository(db.dsl());
            List<OutboxItem> notices = outbox.byTicket(ticketId).stream().filter(o -> o.kind().equals("NOTIFY")).toList();
            assertThat(notices).hasSize(3);
            AttachmentContents contents = new AttachmentContents(db);
            for (OutboxItem notice : notices) {
                assertThat(notice.raw().length).as("the outbox row holds no copy of the files").isLessThan(20_000);
                List<OutboxSplice> splices = outbox.splices(notice.id());
                assertThat(splices).hasSize(2);
                byte[] sent = new SplicedMail(notice.raw(), splices, contents).toByteArray();
                assertThat(new SplicedMail(notice.raw(), splices, contents).toByteArray())
                        .as("a second attempt sends the very same bytes").isEqualTo(sent);
                MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(sent));
                assertThat(mail.getMessageID()).isEqualTo(notice.messageId());
                Multipart parts = (Multipart) mail.getContent();
                assertThat(parts.getCount()).isEqualTo(3);
                assertThat(content(parts.getBodyPart(1))).isEqualTo(scan);
                assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("scan.pdf");
                assertThat(content(parts.getBodyPart(2))).isEqualTo(log);
                assertThat(parts.getBodyPart(2).getFileName()).isEqualTo("log.txt");
            }
            assertThat(outbox.byTicket(ticketId).stream().filter(o -> o.kind().equals("ACK")))
                    .allSatisfy(ack -> assertThat(outbox.splices(ack.id())).isEmpty());
        }
    }

    private static byte[] content(Part part) throws Exception {
        return part.getInputStream().readAllBytes();
    }
}
