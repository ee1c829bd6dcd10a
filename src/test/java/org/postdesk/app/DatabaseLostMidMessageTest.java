package org.postdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.config.ConfigLoader;
import org.postdesk.config.SecretBox;
import org.postdesk.daemon.Pipeline;
import org.postdesk.mail.RawSource;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Database;
import org.postdesk.store.DbSettings;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.NewAgent;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.StoreUnavailableException;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;

/**
 * PostgreSQL restarted, or an admin terminated Postdesk's sessions, while a message was being stored: the driver
 * reports SQLState 57P01 ("terminating connection due to administrator command"). That says nothing about the
 * message, so it is an outage (retried, never stored in reduced form without its acknowledgement), as a
 * command-line tool already treated it (exit code 4).
 */
class DatabaseLostMidMessageTest {
    @TempDir
    Path dir;

    @Test
    void postgresTerminatingTheSessionsMidMessageIsAnOutageAndTheRetryStoresItWhole() throws Exception {
        DbSettings settings = TestDatabases.postgresSettings();
        try (Database db = Database.open(settings)) {
            Mailbox mailbox = new MailboxRepository(db.dsl()).add(new NewMailbox("support", "support@example.test",
                    "imap://support@127.0.0.1/INBOX", "smtp://127.0.0.1", null, null, null, false, null, "Support",
                    "en"));
            new AgentRepository(db.dsl()).add(new NewAgent("Bob", List.of("bob@agents.test"), List.of(mailbox.id())));
            Pipeline pipeline = new Pipeline(ConfigLoader.load(null, Map.of()), db, SecretBox.open(Map.of(
                    SecretBox.KEY_ENV, Base64.getEncoder().encodeToString(new byte[32])), dir.resolve("k")), null,
                    Clock.systemUTC());
            byte[] raw = ("From: Ann <ann@example.test>\r\nTo: support@example.test\r\nSubject: Printer on fire\r\n"
                    + "Message-ID: <restart@example.test>\r\n\r\nHelp.\r\n").getBytes(StandardCharsets.UTF_8);
            AtomicBoolean restartOnce = new AtomicBoolean(true);
            pipeline.ingest().checkBeforeThreading(m -> {
                if (restartOnce.getAndSet(false)) {
                    terminateEveryOtherSession(settings);
                }
            });

            Throwable failure = catchThrowable(() -> pipeline.ingest().ingest(mailbox, 7L, RawSource.of(raw),
                    new IngestService.Cursor(1, 7)));

            assertThat(failure).isInstanceOf(StoreUnavailableException.class);
            assertThat(IngestService.isOutage(failure)).isTrue();
            assertThat(new TicketRepository(db.dsl()).list(null, 10)).as("nothing stored in reduced form").isEmpty();

            IngestResult retried = pipeline.ingest().ingest(mailbox, 7L, RawSource.of(raw),
                    new IngestService.Cursor(1, 7));
            assertThat(retried.outcome()).isEqualTo(IngestResult.Outcome.NEW_TICKET);
            TicketRow ticket = new TicketRepository(db.dsl()).list(null, 10).get(0);
            assertThat(new OutboxRepository(db.dsl()).byTicket(ticket.id()))
                    .as("the customer's acknowledgement is queued")
                    .anySatisfy(o -> assertThat(o.kind()).isEqualTo("ACK"));
        }
    }

    /** What a PostgreSQL restart or an admin's {@code pg_terminate_backend} does to the pool's sessions (waits). */
    private static void terminateEveryOtherSession(DbSettings settings) {
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot terminate the sessions", e);
        }
    }
}
