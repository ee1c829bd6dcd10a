package org.postdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.TransactionListener;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.config.ConfigLoader;
import org.postdesk.config.SecretBox;
import org.postdesk.daemon.Pipeline;
import org.postdesk.mail.RawSource;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Database;
import org.postdesk.store.EventRepository;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.MessageRow;
import org.postdesk.store.NewAgent;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.NewMessage;
import org.postdesk.store.Notification;
import org.postdesk.store.NotificationRepository;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;

/**
 * The statements a group-commit batch runs per message (issue 16), counted on H2 and PostgreSQL: what the batch
 * already knows in memory (the ticket it just wrote, the message it just stored, that a mail has no attachments,
 * whether its Message-ID is taken) is not read back, and what the notices say is still right.
 */
class IngestStatementsTest {
    private static final int N = 10;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aBatchOfNewTicketsAndFollowUpsReadsNothingItAlreadyKnows(TestDatabases.Kind kind) {
        Statements statements = new Statements();
        try (Database db = TestDatabases.open(kind, new Database.StoreListeners(statements, new TransactionListener() { }))) {
            Pipeline p = pipeline(db);
            Mailbox support = mailbox(db);
            AgentRepository agents = new AgentRepository(db.dsl());
            Agent bea = agents.add(new NewAgent("Bea", List.of("bea@example.test"), List.of(support.id())));
            agents.add(new NewAgent("Carl", List.of("carl@example.test"), List.of(support.id())));
            statements.clear();

            IngestBatch.Outcome opened = p.ingest().ingestBatch(support, batch(1, i -> mail("<new-" + i + "@example.test>",
                    "", "Printer " + i, "It is broken.")));
            List<String> openedSql = statements.clear();
            IngestBatch.Outcome followed = p.ingest().ingestBatch(support, batch(N + 1, i -> mail(
                    "<again-" + i + "@example.test>", "In-Reply-To: <new-" + i + "@example.test>\r\n",
                    "Re: Printer " + i, "Still broken.")));
            List<String> followedSql = statements.clear();

            assertThat(opened.committed()).isEqualTo(N);
            assertThat(opened.failed()).isNull();
            assertThat(followed.results()).allMatch(r -> r.outcome() == IngestResult.Outcome.APPENDED);
            for (List<String> sql : List.of(openedSql, followedSql)) {
                assertThat(sql).as("the latest conversation message is the one just stored")
                        .noneMatch(s -> s.contains("max(\"message\".\"id\")"));
                assertThat(sql).as("mail without attachments reads no attachment rows")
                        .noneMatch(s -> s.contains("from \"attachment\""));
                assertThat(sql).as("the duplicate check answered whether the dedupe key is taken")
                        .noneMatch(s -> s.startsWith("select exists") && s.contains("\"dedupe_key\""));
            }
            // H2 keeps no parsed MERGE or bare UNION for the next message: each would be parsed and planned again.
            assertThat(openedSql).as("a new ticket's requester goes in with a plain insert (its copies may merge)")
                    .filteredOn(s -> s.startsWith("insert into \"participant\"") && !s.contains("on conflict"))
                    .hasSize(N);
            for (List<String> sql : List.of(openedSql, followedSql)) {
                assertThat(sql).as("the duplicate check's union is selected from, not run bare")
                        .filteredOn(s -> s.contains(" union all ")).hasSize(N)
                        .allMatch(s -> s.startsWith("select \"uses\"."));
            }
            assertThat(openedSql).as("the new ticket's row came back from its insert")
                    .noneMatch(s -> s.startsWith("select \"ticket\".\"id\"") && s.contains("where \"ticket\".\"id\" ="));
            assertThat(followedSql).as("a follow-up reads its ticket's row once, for its owner and its notice")
                    .filteredOn(s -> s.startsWith("select \"ticket\".\"id\"") && s.contains("where \"ticket\".\"id\" ="))
                    .hasSizeLessThanOrEqualTo(2 * N); // once by threading (the reply's ticket), once here
            assertThat(followedSql).noneMatch(s -> s.contains("\"owner_since\" from \"ticket\""));
            for (List<String> sql : List.of(openedSql, followedSql)) {
                assertThat(sql).as("a message's audit lines go in with one statement")
                        .filteredOn(s -> s.startsWith("insert into \"ticket_event\"")).hasSize(N);
                assertThat(sql).as("the two agents' notification rows go in with one statement")
                        .filteredOn(s -> s.contains("insert into \"agent_notification\"")).hasSize(N);
                assertThat(sql).as("the two agents' notices go into the outbox with one statement")
                        .filteredOn(s -> s.contains("insert into \"outbox\" (") && s.contains("), (")).hasSize(N);
            }
            assertThat(openedSql).as("a new ticket's outbox rows: its acknowledgement, then both notices together")
                    .filteredOn(s -> s.contains("insert into \"outbox\" (")).hasSize(2 * N);
            assertThat(openedSql).as("a new ticket's messages: the customer's, the acknowledgement, both notices together")
                    .filteredOn(s -> s.contains("insert into \"message\" (")).hasSize(3 * N);
            assertThat(followedSql).as("a follow-up's outbox rows: both notices together")
                    .filteredOn(s -> s.contains("insert into \"outbox\" (")).hasSize(N);
            assertThat(followedSql).as("a follow-up's messages: the customer's, both notices together")
                    .filteredOn(s -> s.contains("insert into \"message\" (")).hasSize(2 * N);

            for (TicketRow t : new TicketRepository(db.dsl()).list(null, 100)) {
                List<MessageRow> in = new MessageRepository(db.dsl()).byTicket(t.id()).stream()
                        .filter(m -> m.direction() == NewMessage.Direction.IN).toList();
                assertThat(in).hasSize(2);
                List<Notification> told = new NotificationRepository(db.dsl()).byTicket(t.id());
                assertThat(told).hasSize(4);
                // Each notice records the customer message it showed, which makes a later agent reply stale or not.
                assertThat(told.subList(0, 2)).allMatch(n -> n.seenMessageId() == in.get(0).id());
                assertThat(told.subList(2, 4)).allMatch(n -> n.seenMessageId() == in.get(1).id());
                assertThat(told).anyMatch(n -> n.agentId() == bea.id());
                assertThat(new EventRepository(db.dsl()).byTicket(t.id())).extracting(EventRepository.TicketEvent::type)
                        .startsWith("created", "acknowledgement", "notified").contains("message-in").endsWith("notified");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aReusedMessageIdInOneBatchIsStoredBesideTheFirstAndTheSameMailOnce(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            Pipeline p = pipeline(db);
            Mailbox support = mailbox(db);
            IngestBatch.Outcome o = p.ingest().ingestBatch(support, List.of(
                    item(1, mail("<job@script.example>", "", "Backup report", "All fine.")),
                    item(2, mail("<job@script.example>", "", "Backup report", "Disk full!")),
                    item(3, mail("<job@script.example>", "", "Backup report", "Disk full!"))));

            assertThat(o.failed()).isNull();
            assertThat(o.results()).extracting(IngestResult::outcome).containsExactly(IngestResult.Outcome.NEW_TICKET,
                    IngestResult.Outcome.NEW_TICKET, IngestResult.Outcome.DUPLICATE);
            List<MessageRow> stored = new TicketRepository(db.dsl()).list(null, 10).stream()
                    .flatMap(t -> new MessageRepository(db.dsl()).byTicket(t.id()).stream())
                    .filter(m -> m.direction() == NewMessage.Direction.IN).toList();
            assertThat(stored).hasSize(2).allMatch(m -> m.messageId().equals("<job@script.example>"));
            assertThat(stored).filteredOn(m -> m.parseNote() != null && m.parseNote().contains("reused the Message-ID"))
                    .singleElement().extracting(MessageRow::bodyText).asString().contains("Disk full!");
        }
    }

    // ---- fixtures ----

    private List<IngestBatch.Item> batch(int firstUid, java.util.function.IntFunction<byte[]> mail) {
        List<IngestBatch.Item> items = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            items.add(item(firstUid + i, mail.apply(i)));
        }
        return items;
    }

    private static IngestBatch.Item item(long uid, byte[] raw) {
        return new IngestBatch.Item(uid, RawSource.of(raw), new IngestService.Cursor(7, uid));
    }

    private static byte[] mail(String messageId, String extraHeaders, String subject, String body) {
        return ("From: Ann <ann@example.test>\r\nTo: support@example.test\r\nSubject: " + subject
                + "\r\nDate: Mon, 2 Dec 2024 09:00:00 +0000\r\nMessage-ID: " + messageId + "\r\n" + extraHeaders
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private Pipeline pipeline(Database db) {
        return new Pipeline(ConfigLoader.load(null, Map.of()), db, SecretBox.open(Map.of(
                SecretBox.KEY_ENV, Base64.getEncoder().encodeToString(new byte[32])), dir.resolve("k")), null,
                Clock.systemUTC());
    }

    private static Mailbox mailbox(Database db) {
        return new MailboxRepository(db.dsl()).add(new NewMailbox("support", "support@example.test",
                "imap://support@127.0.0.1/INBOX", "smtp://127.0.0.1", null, null, null, false, null, "Support", "en"));
    }

    /** Every statement's SQL as run, in order; {@link #clear} hands them over and starts again. */
    private static final class Statements implements ExecuteListener {
        private static final long serialVersionUID = 1L;
        private final List<String> sql = new ArrayList<>();

        @Override
        public synchronized void executeEnd(ExecuteContext ctx) {
            if (ctx.sql() != null) {
                sql.add(ctx.sql().strip());
            }
        }

        synchronized List<String> clear() {
            List<String> taken = List.copyOf(sql);
            sql.clear();
            return taken;
        }
    }
}
