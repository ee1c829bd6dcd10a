package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.postdesk.store.db.Tables.CONFIG_GENERATION;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 16: mailboxes and agents answered from memory, and every change — from this store, another store on the
 * same database (the command line, a second daemon) or a rolled-back transaction — seen by the next transaction.
 */
class ConfigCacheTest {

    /** Two stores on one database, as a daemon and the command line (or two daemons) are. */
    private record Pair(Database daemon, Database cli) implements AutoCloseable {
        @Override
        public void close() {
            daemon.close();
            cli.close();
        }
    }

    private static Pair pair(TestDatabases.Kind kind, ExecuteListener daemonStatements) {
        DbSettings settings = kind == TestDatabases.Kind.H2
                ? new DbSettings("jdbc:h2:mem:c" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1",
                "sa", "", 4)
                : TestDatabases.postgresSettings();
        Database daemon = Database.open(settings, daemonStatements == null ? null
                : new Database.StoreListeners(daemonStatements, new org.jooq.TransactionListener() { }));
        return new Pair(daemon, Database.open(settings));
    }

    private static long generation(Database db) {
        return db.dsl().select(CONFIG_GENERATION.GENERATION).from(CONFIG_GENERATION).fetchSingle(CONFIG_GENERATION.GENERATION);
    }

    private static Optional<Agent> activeInTransaction(Database db, String address) {
        return db.inTransaction(tx -> new AgentRepository(tx).activeByAddress(address));
    }

    private static List<Agent> teamInTransaction(Database db, long mailboxId) {
        return db.inTransaction(tx -> new AgentRepository(tx).activeForMailbox(mailboxId));
    }

    private static Optional<Agent> byIdInTransaction(Database db, long id) {
        return db.inTransaction(tx -> new AgentRepository(tx).byId(id));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void anAgentDisabledOrTakenOffAMailboxByAnotherStoreLosesItsRightsAtTheNextTransaction(TestDatabases.Kind kind) {
        try (Pair p = pair(kind, null)) {
            long support = StoreFixtures.mailbox(p.cli().dsl(), "support");
            Agent bob = new AgentRepository(p.cli().dsl()).add(new NewAgent("Bob", List.of("bob@agents.test"),
                    List.of(support)));
            assertThat(activeInTransaction(p.daemon(), "bob@agents.test"))
                    .isPresent();

            // A transaction that began before the change keeps its view to its end: the window is one transaction.
            p.daemon().inTransactionRun(tx -> {
                assertThat(new AgentRepository(tx).activeForMailbox(support)).extracting(Agent::id).containsExactly(bob.id());
                new AgentRepository(p.cli().dsl()).removeMailbox(bob.id(), support);
                assertThat(new AgentRepository(tx).activeForMailbox(support)).extracting(Agent::id).containsExactly(bob.id());
            });
            assertThat(teamInTransaction(p.daemon(), support)).isEmpty();

            new AgentRepository(p.cli().dsl()).setActive(bob.id(), false);
            assertThat(activeInTransaction(p.daemon(), "bob@agents.test"))
                    .isEmpty();
            // Outside a transaction every lookup checks the generation.
            new AgentRepository(p.cli().dsl()).setActive(bob.id(), true);
            assertThat(new AgentRepository(p.daemon().dsl()).activeByAddress("BOB@agents.test")).isPresent();
            new AgentRepository(p.cli().dsl()).removeAddress(bob.id(), "bob@agents.test"); // the primary: kept
            new AgentRepository(p.cli().dsl()).addAddress(bob.id(), "bob@home.test");
            assertThat(new AgentRepository(p.daemon().dsl()).byAddress("bob@home.test")).map(Agent::id).contains(bob.id());
            new AgentRepository(p.cli().dsl()).removeAddress(bob.id(), "bob@home.test");
            assertThat(new AgentRepository(p.daemon().dsl()).byAddress("bob@home.test")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void mailboxSettingsTiersAndTeamLeadsChangedByAnotherStoreAreSeen(TestDatabases.Kind kind) {
        try (Pair p = pair(kind, null)) {
            MailboxRepository cliMailboxes = new MailboxRepository(p.cli().dsl());
            long support = StoreFixtures.mailbox(p.cli().dsl(), "support");
            Agent ann = new AgentRepository(p.cli().dsl()).add(new NewAgent("Ann", List.of("ann@agents.test"),
                    List.of(support)));
            MailboxRepository daemonMailboxes = new MailboxRepository(p.daemon().dsl());
            assertThat(daemonMailboxes.agentSenderCheck(support)).isEqualTo("confirm");
            assertThat(new TierRepository(p.daemon().dsl()).tierOf(ann.id())).isEqualTo(TierRepository.FIRST_LINE);

            cliMailboxes.setAgentSenderCheck(support, "strict");
            cliMailboxes.setEnabled("support", false);
            new TierRepository(p.cli().dsl()).setTier(ann.id(), TierRepository.SECOND_LINE);
            new TierRepository(p.cli().dsl()).setTeamLead(support, ann.id());
            new AgentRepository(p.cli().dsl()).rename(ann.id(), "Ann Lee");

            assertThat(daemonMailboxes.agentSenderCheck(support)).isEqualTo("strict");
            assertThat(daemonMailboxes.listEnabled()).isEmpty();
            assertThat(daemonMailboxes.byName("support")).map(Mailbox::enabled).contains(false);
            assertThat(new TierRepository(p.daemon().dsl()).tierOf(ann.id())).isEqualTo(TierRepository.SECOND_LINE);
            assertThat(new TierRepository(p.daemon().dsl()).teamLead(support)).contains(ann.id());
            assertThat(new AgentRepository(p.daemon().dsl()).byId(ann.id())).map(Agent::name).contains("Ann Lee");
            CalendarRepository cliCalendar = new CalendarRepository(p.cli().dsl());
            cliCalendar.setHours(support, java.time.ZoneId.of("Europe/Kyiv"),
                    org.postdesk.sla.WeeklyHours.parse("mon-fri 09:00-17:00"), Instant.now());
            assertThat(new CalendarRepository(p.daemon().dsl()).hours(support)).map(h -> h.zone().getId())
                    .contains("Europe/Kyiv");
            cliCalendar.clearHours(support);
            assertThat(new CalendarRepository(p.daemon().dsl()).hours(support)).isEmpty();
            assertThat(cliMailboxes.remove("support")).isEqualTo(MailboxRemoval.REMOVED);
            assertThat(daemonMailboxes.byId(support)).isEmpty();
        }
    }

    /**
     * Every write to a table the cache holds changes the generation, through any method — the repositories', a
     * plain-SQL statement — and a write elsewhere does not; so a new write path cannot forget it.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void everyWriteToTheConfigurationChangesTheGenerationAndNoOtherWriteDoes(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            DSLContext dsl = db.dsl();
            long support = StoreFixtures.mailbox(dsl, "support");
            AgentRepository agents = new AgentRepository(dsl);
            long ann = agents.add(new NewAgent("Ann", List.of("ann@agents.test"), List.of())).id();
            NewTemplateVersion ack = new NewTemplateVersion("ack", "en", "Hello", null, "SET", "", "ann", Instant.now());
            List<Consumer<DSLContext>> writes = List.of(
                    d -> new AgentRepository(d).add(new NewAgent("Bob", List.of("bob@agents.test"), List.of(support))),
                    d -> new AgentRepository(d).setActive(ann, false), d -> new AgentRepository(d).rename(ann, "Ann Lee"),
                    d -> new AgentRepository(d).addMailbox(ann, support), d -> new AgentRepository(d).removeMailbox(ann, support),
                    d -> new AgentRepository(d).addAddress(ann, "ann@home.test"), d -> new AgentRepository(d).removeAddress(ann, "ann@home.test"),
                    d -> new TierRepository(d).setTier(ann, 2), d -> new TierRepository(d).setTeamLead(support, ann),
                    d -> new MailboxRepository(d).setEnabled("support", false), d -> new MailboxRepository(d).setAgentSenderCheck(support, "strict"),
                    d -> new MailboxRepository(d).update(support, new NewMailbox("support", "support@example.test", "imap://x@h/INBOX",
                            "smtp://h", null, null, null, false, null, "Support", "ru")),
                    d -> new SurveyRepository(d).configure(support, true, "5"),
                    d -> new DigestRepository(d).setSchedule(support, "daily"),
                    d -> new TemplateRepository(d).seed(ack), d -> new TemplateRepository(d).addVersion(ack),
                    d -> d.execute("UPDATE agent SET name = 'Plain SQL' WHERE id = " + ann),
                    d -> d.execute("delete from \"agent_mailbox\" where agent_id = " + ann));
            List<Integer> unchanged = new ArrayList<>();
            for (int i = 0; i < writes.size(); i++) {
                long before = generation(db);
                Consumer<DSLContext> w = writes.get(i);
                if (i % 2 == 0) {
                    w.accept(dsl); // auto-commit
                } else {
                    db.inTransactionRun(w::accept);
                }
                if (generation(db) == before) {
                    unchanged.add(i);
                }
            }
            assertThat(unchanged).as("writes (by index) that left the generation alone").isEmpty();

            long before = generation(db);
            long ticket = StoreFixtures.ticket(dsl, support, "customer@example.test");
            new MailboxRepository(dsl).saveCursor(support, 7, 42);
            new TicketRepository(dsl).byId(ticket);
            assertThat(generation(db)).isEqualTo(before);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aTransactionSeesItsOwnChangesAndARolledBackOneLeavesNothingCached(TestDatabases.Kind kind) {
        try (Pair p = pair(kind, null)) {
            long support = StoreFixtures.mailbox(p.cli().dsl(), "support");
            Agent ann = new AgentRepository(p.daemon().dsl()).add(new NewAgent("Ann", List.of("ann@agents.test"),
                    List.of(support)));
            assertThatThrownBy(() -> p.daemon().inTransactionRun(tx -> {
                AgentRepository agents = new AgentRepository(tx);
                assertThat(agents.byId(ann.id())).map(Agent::name).contains("Ann");
                agents.rename(ann.id(), "Mallory");
                assertThat(agents.byId(ann.id())).map(Agent::name).contains("Mallory");
                throw new IllegalStateException("roll back");
            })).hasMessage("roll back");
            assertThat(byIdInTransaction(p.daemon(), ann.id())).map(Agent::name)
                    .contains("Ann");

            // A savepoint rolled back takes its change of the generation along: the next write makes its own.
            long before = generation(p.cli());
            p.daemon().inTransactionRun(tx -> {
                assertThatThrownBy(() -> tx.transaction(inner -> {
                    new AgentRepository(inner.dsl()).rename(ann.id(), "Inner");
                    throw new IllegalStateException("inner");
                })).hasMessage("inner");
                assertThat(new AgentRepository(tx).byId(ann.id())).map(Agent::name).contains("Ann");
                new AgentRepository(tx).rename(ann.id(), "Ann Lee");
            });
            assertThat(generation(p.cli())).isNotEqualTo(before);
            assertThat(new AgentRepository(p.daemon().dsl()).byId(ann.id())).map(Agent::name).contains("Ann Lee");
        }
    }

    /** What the cache is for: a transaction's lookups cost one statement, the generation, however many they are. */
    @Test
    void aTransactionsLookupsCostOneStatementWhileNothingChanges() {
        AtomicInteger statements = new AtomicInteger();
        try (Pair p = pair(TestDatabases.Kind.H2, ExecuteListener.onExecuteEnd(ctx -> statements.incrementAndGet()))) {
            long support = StoreFixtures.mailbox(p.cli().dsl(), "support");
            new AgentRepository(p.cli().dsl()).add(new NewAgent("Ann", List.of("ann@agents.test"), List.of(support)));
            Runnable lookups = () -> p.daemon().inTransactionRun(tx -> {
                new MailboxRepository(tx).byId(support);
                new MailboxRepository(tx).agentSenderCheck(support);
                new AgentRepository(tx).activeByAddress("ann@agents.test");
                new AgentRepository(tx).activeForMailbox(support);
                new TierRepository(tx).tierOf(1);
                new TierRepository(tx).teamLead(support);
                new CalendarRepository(tx).calendar(support);
                new SlaPolicyRepository(tx).forMailbox(support);
            });
            lookups.run();
            statements.set(0);
            lookups.run();
            assertThat(statements.get()).isEqualTo(1);

            new AgentRepository(p.cli().dsl()).rename(1, "Ann Lee");
            statements.set(0);
            lookups.run();
            assertThat(statements.get()).as("the generation, then mailboxes, agents, addresses, agent mailboxes,"
                    + " business hours, calendar days, SLA policies").isEqualTo(8);
        }
    }
}
