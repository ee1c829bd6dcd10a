package org.postdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.config.ConfigLoader;
import org.postdesk.config.SecretBox;
import org.postdesk.daemon.Pipeline;
import org.postdesk.mail.InboundMessage;
import org.postdesk.mail.MimeParser;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.MessageRow;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;

/** Real-world mail that databases choke on is still stored, on H2 and on PostgreSQL. */
class HostileMailStoreTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void nulCharactersAndAbsurdHeadersAreStoredAndTicketed(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            Mailbox mailbox = new MailboxRepository(db.dsl()).add(new NewMailbox("support", "support@example.test",
                    "imap://support@127.0.0.1/INBOX", "smtp://127.0.0.1", null, null, null, false, null, "Support", "en"));
            Pipeline pipeline = new Pipeline(ConfigLoader.load(null, Map.of()), db, SecretBox.open(Map.of(
                    SecretBox.KEY_ENV, Base64.getEncoder().encodeToString(new byte[32])), dir.resolve("k")), null,
                    Clock.systemUTC());
            String longName = "N".repeat(5000);
            String raw = "From: \"" + longName + "\" <ann@example.test>\r\nTo: support@example.test\r\n"
                    + "Subject: nul\u0000inside\r\nMessage-ID: <" + "x".repeat(3000) + "@example.test>\r\n"
                    + "In-Reply-To: <" + "y".repeat(3000) + "@example.test>\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n\r\nbody with a \u0000 NUL\r\n";
            IngestResult result = pipeline.ingest().ingest(mailbox, 1L, raw.getBytes(StandardCharsets.UTF_8), null);

            assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.NEW_TICKET);
            long ticketId = new TicketRepository(db.dsl()).byNumber(result.number()).orElseThrow().id();
            MessageRow stored = new MessageRepository(db.dsl()).byTicket(ticketId).get(0);
            assertThat(stored.bodyText()).contains("body with a  NUL");
            assertThat(stored.messageId()).isNull(); // too long to be a key: deduplicated by content instead
            // the same bytes again are recognised by their content hash
            assertThat(pipeline.ingest().ingest(mailbox, 2L, raw.getBytes(StandardCharsets.UTF_8), null).outcome())
                    .isEqualTo(IngestResult.Outcome.DUPLICATE);
        }
    }

    @Test
    void reducedFormKeepsIdentifiersSenderAndRawButDropsWhatCanBreakAnInsert() {
        byte[] raw = ("From: Ann <ann@example.test>\r\nTo: support@example.test\r\nSubject: bad\u0007subject\r\n"
                + "Message-ID: <r@x>\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: text/plain\r\n\r\nhello\r\n--b\r\nContent-Type: application/pdf; name=a.pdf\r\n\r\n"
                + "PDF\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
        InboundMessage parsed = new MimeParser(1_000_000).parse(raw);
        InboundMessage reduced = ReducedMessage.of(parsed, new IllegalArgumentException("value too long"));
        assertThat(reduced.messageId()).isEqualTo("<r@x>");
        assertThat(reduced.from().address()).isEqualTo("ann@example.test");
        assertThat(reduced.subject()).isEqualTo("badsubject");
        assertThat(reduced.attachments()).isEmpty();
        assertThat(reduced.textBody()).contains("hello").contains("could not store this message normally");
        assertThat(reduced.raw().bytes()).isEqualTo(raw);
        assertThat(reduced.parseNotes()).anyMatch(n -> n.contains("value too long"));
    }

    @Test
    void aDatabaseThatIsDownIsNotMistakenForABadMessage() {
        assertThat(StoreFailures.isConnectivity(new DataAccessException("x",
                new SQLTransientConnectionException("pool timeout")))).isTrue();
        assertThat(StoreFailures.isConnectivity(new DataAccessException("x",
                new java.sql.SQLException("connection refused", "08001")))).isTrue();
        assertThat(StoreFailures.isConnectivity(new DataAccessException("x",
                new java.sql.SQLException("value too long", "22001")))).isFalse();
    }
}
