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
import org.postdesk.mail.RawSource;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Database;
import org.postdesk.store.EventRepository;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MessageFailure;
import org.postdesk.store.MessageFailureRepository;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.MessageRow;
import org.postdesk.store.NewAgent;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.NewMessage;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;

/**
 * The fallbacks of bad mail (docs/ARCHITECTURE.md, "Bad mail"), on H2 and PostgreSQL: a quarantine whose agent
 * notice cannot be written is written without it; one whose ticket cannot be written leaves the failure row alone
 * and still moves the cursor; a message the parser cannot read is stored and ticketed at once. The store refuses
 * what it must refuse through a CHECK constraint the test adds, a real database error (not an outage).
 */
class BadMailFallbackTest {
    private static final String POISON_SUBJECT = "Poison for the store";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aQuarantineTicketIsWrittenWithItsNoticeWhenNothingRefusesIt(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            World w = world(db);
            MessageFailure f = failThreeTimes(w, 7L);

            TicketRow ticket = new TicketRepository(db.dsl()).byId(f.ticketId()).orElseThrow();
            assertThat(ticket.subject()).isEqualTo(POISON_SUBJECT);
            assertThat(new OutboxRepository(db.dsl()).byTicket(ticket.id()))
                    .anySatisfy(o -> assertThat(o.kind()).isEqualTo(Notifier.KIND));
            assertThat(new EventRepository(db.dsl()).byTicket(ticket.id()))
                    .anySatisfy(e -> assertThat(e.type()).isEqualTo("notified"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aQuarantineWhoseAgentNoticeIsRefusedIsWrittenWithoutTheNotice(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            World w = world(db);
            db.dsl().execute("ALTER TABLE agent_notification ADD CONSTRAINT test_refuses_notices"
                    + " CHECK (kind <> '" + Notifier.KIND + "')");

            MessageFailure f = failThreeTimes(w, 7L);

            assertThat(f.quarantined()).isTrue();
            assertThat(f.ticketId()).isNotNull();
            TicketRow ticket = new TicketRepository(db.dsl()).byId(f.ticketId()).orElseThrow();
            assertThat(ticket.subject()).isEqualTo(POISON_SUBJECT);
            List<MessageRow> stored = new MessageRepository(db.dsl()).byTicket(ticket.id());
            assertThat(stored).hasSize(1);
            assertThat(new String(new MessageRepository(db.dsl()).raw(stored.get(0).id()).orElseThrow(),
                    StandardCharsets.UTF_8)).contains("Subject: " + POISON_SUBJECT);
            assertThat(new EventRepository(db.dsl()).byTicket(ticket.id()))
                    .anySatisfy(e -> assertThat(e.type()).isEqualTo("quarantined"))
                    .noneSatisfy(e -> assertThat(e.type()).isEqualTo("notified"));
            assertThat(new OutboxRepository(db.dsl()).byTicket(ticket.id())).isEmpty();
            assertThat(new MailboxRepository(db.dsl()).state(w.mailbox.id()).lastUid()).isEqualTo(7L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aQuarantineWhoseTicketIsRefusedKeepsTheErrorInTheFailureRowAndMovesOn(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            World w = world(db);
            db.dsl().execute("ALTER TABLE ticket ADD CONSTRAINT test_refuses_the_poison"
                    + " CHECK (subject <> '" + POISON_SUBJECT + "')");

            MessageFailure f = failThreeTimes(w, 7L);

            assertThat(f.quarantined()).isTrue();
            assertThat(f.ticketId()).isNull();
            assertThat(f.attempts()).isEqualTo(3);
            assertThat(f.lastError()).contains("simulated bug");
            assertThat(new TicketRepository(db.dsl()).list(null, 100)).isEmpty();
            assertThat(new MailboxRepository(db.dsl()).state(w.mailbox.id()).lastUid()).isEqualTo(7L);
            // Read again (the flag lost): recognised by its row, flagged, no second attempt at a ticket.
            assertThat(w.pipeline.ingest().failed(w.mailbox, 7L, RawSource.of(w.raw), new IngestService.Cursor(1, 7),
                    failure())).isTrue();
            assertThat(new MessageFailureRepository(db.dsl()).list(w.mailbox.id(), 10)).hasSize(1)
                    .allSatisfy(row -> assertThat(row.attempts()).isEqualTo(3));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aMessageTheParserCannotReadIsStillStoredAndTicketed(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            World w = world(db);
            // message/rfc822 inside message/rfc822, 50,000 deep: the MIME parser overflows its stack.
            StringBuilder deep = new StringBuilder("From: ann@example.test\r\nTo: support@example.test\r\n"
                    + "Subject: nested\r\nMessage-ID: <deep@example.test>\r\n");
            deep.append("Content-Type: message/rfc822\r\n\r\n".repeat(50_000)).append("Subject: inner\r\n\r\nhello\r\n");
            byte[] nested = deep.toString().getBytes(StandardCharsets.US_ASCII);
            byte[] garbage = new byte[4096];
            new java.util.Random(5).nextBytes(garbage);

            for (byte[] raw : List.of(nested, garbage)) {
                IngestResult result = w.pipeline.ingest().ingest(w.mailbox, null, raw, null);

                assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.NEW_TICKET);
                long ticketId = new TicketRepository(db.dsl()).byNumber(result.number()).orElseThrow().id();
                List<MessageRow> stored = new MessageRepository(db.dsl()).byTicket(ticketId);
                List<MessageRow> in = stored.stream().filter(m -> m.direction() == NewMessage.Direction.IN).toList();
                assertThat(in).hasSize(1);
                assertThat(new MessageRepository(db.dsl()).raw(in.get(0).id()).orElseThrow()).isEqualTo(raw);
                // Nobody is forgotten: the team hears of it; no automatic reply to a sender nobody can read.
                assertThat(stored).anySatisfy(m -> assertThat(m.kind()).isEqualTo(Notifier.KIND))
                        .noneSatisfy(m -> assertThat(m.kind()).isEqualTo("ACK"));
            }
            assertThat(new MessageFailureRepository(db.dsl()).list(w.mailbox.id(), 10)).isEmpty();
        }
    }

    private record World(Database db, Mailbox mailbox, Pipeline pipeline, byte[] raw) {
    }

    private World world(Database db) {
        Mailbox mailbox = new MailboxRepository(db.dsl()).add(new NewMailbox("support", "support@example.test",
                "imap://support@127.0.0.1/INBOX", "smtp://127.0.0.1", null, null, null, false, null, "Support", "en"));
        new AgentRepository(db.dsl()).add(new NewAgent("Bob", List.of("bob@agents.test"), List.of(mailbox.id())));
        Pipeline pipeline = new Pipeline(ConfigLoader.load(null, Map.of()), db, SecretBox.open(Map.of(
                SecretBox.KEY_ENV, Base64.getEncoder().encodeToString(new byte[32])), dir.resolve("k")), null,
                Clock.systemUTC());
        byte[] raw = ("From: Ann <ann@example.test>\r\nTo: support@example.test\r\nSubject: " + POISON_SUBJECT
                + "\r\nMessage-ID: <poison@example.test>\r\n\r\nBody\r\n").getBytes(StandardCharsets.UTF_8);
        return new World(db, mailbox, pipeline, raw);
    }

    /** The message with UID {@code uid} fails three times the same way, as a worker would report it. */
    private static MessageFailure failThreeTimes(World w, long uid) {
        IngestService.Cursor cursor = new IngestService.Cursor(1, uid);
        assertThat(w.pipeline.ingest().failed(w.mailbox, uid, RawSource.of(w.raw), cursor, failure())).isFalse();
        assertThat(w.pipeline.ingest().failed(w.mailbox, uid, RawSource.of(w.raw), cursor, failure())).isFalse();
        assertThat(w.pipeline.ingest().failed(w.mailbox, uid, RawSource.of(w.raw), cursor, failure())).isTrue();
        return new MessageFailureRepository(w.db.dsl()).list(w.mailbox.id(), 1).get(0);
    }

    /** Always thrown from this one place, so every failure has the same signature. */
    private static RuntimeException failure() {
        return new IllegalStateException("simulated bug in the handler");
    }
}
