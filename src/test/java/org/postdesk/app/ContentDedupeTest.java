package org.postdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.config.ConfigLoader;
import org.postdesk.config.SecretBox;
import org.postdesk.daemon.Pipeline;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.MessageRow;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.NewMessage;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;

/** Dedupe by content, not by Message-ID alone, on H2 and on PostgreSQL. */
class ContentDedupeTest {
    @TempDir
    Path dir;

    private static byte[] mail(String transport, String messageIdHeader, String subject, String body) {
        return (transport + "From: Ann <ann@example.test>\r\nTo: support@example.test\r\nSubject: " + subject
                + "\r\nDate: Mon, 2 Dec 2024 09:00:00 +0000\r\n" + messageIdHeader
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private Pipeline pipeline(Database db) {
        return new Pipeline(ConfigLoader.load(null, Map.of()), db, SecretBox.open(Map.of(
                SecretBox.KEY_ENV, Base64.getEncoder().encodeToString(new byte[32])), dir.resolve("k")), null,
                Clock.systemUTC());
    }

    private static Mailbox mailbox(Database db, String name) {
        return new MailboxRepository(db.dsl()).add(new NewMailbox(name, name + "@example.test",
                "imap://" + name + "@127.0.0.1/INBOX", "smtp://127.0.0.1", null, null, null, false, null, "Support", "en"));
    }

    private static List<MessageRow> messages(Database db) {
        List<TicketRow> tickets = new TicketRepository(db.dsl()).list(null, 100);
        return tickets.stream().flatMap(t -> new MessageRepository(db.dsl()).byTicket(t.id()).stream())
                .filter(m -> m.direction() == NewMessage.Direction.IN).toList();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void reusedMessageIdWithOtherContentIsStoredTwiceAndTheSameContentOnce(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            Pipeline p = pipeline(db);
            Mailbox support = mailbox(db, "support");
            String id = "Message-ID: <job-42@script.example>\r\n";
            IngestResult first = p.ingest().ingest(support, 1L, mail("", id, "Backup report", "All fine."), null);
            IngestResult other = p.ingest().ingest(support, 2L, mail("", id, "Backup report", "Disk full!"), null);
            IngestResult again = p.ingest().ingest(support, 3L,
                    mail("Received: from relay.example by mx.example; Mon, 2 Dec 2024 09:01:00 +0000\r\n", id,
                            "Backup report", "Disk full!"), null);

            assertThat(first.outcome()).isEqualTo(IngestResult.Outcome.NEW_TICKET);
            assertThat(other.outcome()).isNotEqualTo(IngestResult.Outcome.DUPLICATE);
            assertThat(again.outcome()).isEqualTo(IngestResult.Outcome.DUPLICATE);
            List<MessageRow> stored = messages(db);
            assertThat(stored).hasSize(2).allMatch(m -> m.messageId().equals("<job-42@script.example>"));
            assertThat(stored).filteredOn(m -> m.parseNote() != null && m.parseNote()
                    .contains("reused the Message-ID <job-42@script.example>")).singleElement()
                    .extracting(MessageRow::bodyText).asString().contains("Disk full!");
            // Threading by the reused id still works: a reply lands in a ticket, not a new one.
            IngestResult reply = p.ingest().ingest(support, 4L, mail("", "Message-ID: <r1@example.test>\r\n"
                    + "In-Reply-To: <job-42@script.example>\r\n", "Re: Backup report", "Thanks."), null);
            assertThat(reply.outcome()).isEqualTo(IngestResult.Outcome.APPENDED);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void oneMailDeliveredToTwoMailboxesStaysOne(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            Pipeline p = pipeline(db);
            String id = "Message-ID: <both@example.test>\r\n";
            p.ingest().ingest(mailbox(db, "support"), 1L, mail("Delivered-To: support@example.test\r\n"
                    + "Received: by mx1.example; Mon, 2 Dec 2024 09:00:01 +0000\r\n", id, "Both", "Hello."), null);
            IngestResult second = p.ingest().ingest(mailbox(db, "billing"), 1L, mail("Delivered-To: billing@example.test\r\n"
                    + "Received: by mx2.example; Mon, 2 Dec 2024 09:00:02 +0000\r\n", id, "Both", "Hello."), null);
            assertThat(second.outcome()).isEqualTo(IngestResult.Outcome.DUPLICATE);
            assertThat(messages(db)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void messageIdWithoutBracketsIsRecordedSoThatReReadingFindsIt(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            Pipeline p = pipeline(db);
            Mailbox support = mailbox(db, "support");
            byte[] raw = mail("", "Message-ID: bare-7 @ appliance.example (printer)\r\n", "Toner low", "Toner at 5 %.");
            p.ingest().ingest(support, 1L, raw, null);
            assertThat(messages(db)).singleElement().extracting(MessageRow::messageId).isEqualTo("<bare-7@appliance.example>");
            assertThat(p.ingest().ingest(support, 2L, raw, null).outcome()).isEqualTo(IngestResult.Outcome.DUPLICATE);
        }
    }
}
