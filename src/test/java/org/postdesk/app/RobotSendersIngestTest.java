package org.postdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.config.ConfigException;
import org.postdesk.config.ConfigLoader;
import org.postdesk.config.SecretBox;
import org.postdesk.daemon.Pipeline;
import org.postdesk.mail.RawSource;
import org.postdesk.store.Database;
import org.postdesk.store.EventRepository;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;

/**
 * Transactional mail sent through an e-mail service carries nothing that says "robot" a person's mail could not
 * carry too (issue 15's last two robots); the admin names such senders in {@code ingest.robot-senders}. The mail
 * is stored and ticketed either way; only a named one is not acknowledged.
 */
class RobotSendersIngestTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aSenderNamedByItsReturnPathIsTicketedWithoutAnAcknowledgement(TestDatabases.Kind kind) throws IOException {
        try (Database db = TestDatabases.open(kind)) {
            TicketRow ticket = ingest(db, Map.of("POSTDESK_INGEST_ROBOT_SENDERS",
                    "welcome@example.org, bounce-md_*@mandrillapp.com"));
            assertThat(ticket.subject()).isEqualTo("Welcome to Papertrail");
            assertThat(new OutboxRepository(db.dsl()).byTicket(ticket.id()))
                    .noneSatisfy(o -> assertThat(o.kind()).isEqualTo("ACK"));
            assertThat(new EventRepository(db.dsl()).byTicket(ticket.id()))
                    .filteredOn(e -> e.type().equals("acknowledgement")).singleElement()
                    .extracting(EventRepository.TicketEvent::detail).asString()
                    .contains("Return-Path bounce-md_30850198.5c0e1a2b.v1-4f6e@mandrillapp.com matches"
                            + " ingest.robot-senders bounce-md_*@mandrillapp.com");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void withoutTheListTheSameMailIsAcknowledged(TestDatabases.Kind kind) throws IOException {
        try (Database db = TestDatabases.open(kind)) {
            TicketRow ticket = ingest(db, Map.of());
            assertThat(new OutboxRepository(db.dsl()).byTicket(ticket.id()))
                    .anySatisfy(o -> assertThat(o.kind()).isEqualTo("ACK"));
        }
    }

    @Test
    void aPatternThatIsNoAddressPatternIsRefusedAtStart() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("POSTDESK_INGEST_ROBOT_SENDERS", "mandrillapp.com")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("ingest.robot-senders")
                .hasMessageContaining("*@mandrillapp.com");
    }

    private TicketRow ingest(Database db, Map<String, String> env) throws IOException {
        Pipeline pipeline = new Pipeline(ConfigLoader.load(null, env), db, SecretBox.open(Map.of(
                SecretBox.KEY_ENV, Base64.getEncoder().encodeToString(new byte[32])), dir.resolve("k")), null,
                Clock.systemUTC());
        Mailbox mailbox = new MailboxRepository(db.dsl()).add(new NewMailbox("support", "support@example.test",
                "imap://support@127.0.0.1/INBOX", "smtp://127.0.0.1", null, null, null, false, null, "Support", "en"));
        byte[] raw;
        try (InputStream in = getClass().getResourceAsStream("/mail/robots/transactional-via-mandrill.eml")) {
            raw = in.readAllBytes();
        }
        IngestResult result = pipeline.ingest().ingest(mailbox, 1L, RawSource.of(raw), new IngestService.Cursor(1, 1));
        assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.NEW_TICKET);
        List<TicketRow> tickets = new TicketRepository(db.dsl()).list(null, 10);
        assertThat(tickets).hasSize(1);
        return tickets.get(0);
    }
}
