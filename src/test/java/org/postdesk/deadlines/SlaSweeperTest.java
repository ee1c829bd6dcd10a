package org.postdesk.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.postdesk.deadlines.SlaWorld.at;
import static org.postdesk.deadlines.SlaWorld.kyiv;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.TransactionListener;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.ops.Metrics;
import org.postdesk.sla.SlaState;
import org.postdesk.sla.SlaTarget;
import org.postdesk.sla.WeeklyHours;
import org.postdesk.store.CalendarRepository;
import org.postdesk.store.Database;
import org.postdesk.store.DbSettings;
import org.postdesk.store.EventRepository;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.SlaMarks;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketSla;
import org.postdesk.store.TicketSlaRepository;
import org.postdesk.store.TierRepository;
import org.postdesk.tickets.TicketStatus;

class SlaSweeperTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void warnsOnceBeforeTheDueTimeThenEscalatesOnceOnBreachAcrossRestarts(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SlaWorld w = new SlaWorld(db);
            long ticket = w.ticket("2026-11-27T17:30");   // Friday evening: due Monday 12:30, warning at 11:42

            SlaSweeper.Run early = w.sweeper(db, at("2026-11-30T11:00")).runOnce();
            assertThat(early.synced()).isEqualTo(1);
            assertThat(early.warnings() + early.breaches()).isZero();
            TicketSla row = new TicketSlaRepository(db.dsl()).byTicket(ticket).get(0);
            assertThat(row.target()).isEqualTo(SlaTarget.FIRST_RESPONSE);
            assertThat(row.dueAt()).isEqualTo(kyiv("2026-11-30T12:30"));
            assertThat(row.nextCheckAt()).isEqualTo(kyiv("2026-11-30T11:42"));

            SlaSweeper warnTime = w.sweeper(db, at("2026-11-30T11:45"));
            assertThat(warnTime.runOnce().warnings()).isEqualTo(1);
            assertThat(warnTime.runOnce().warnings()).isZero();
            assertThat(w.outbox(Escalations.WARNING_KIND)).containsExactly("alice@example.test");   // first line only
            assertThat(new TicketSlaRepository(db.dsl()).byTicket(ticket).get(0).nextCheckAt())
                    .isEqualTo(kyiv("2026-11-30T12:30"));

            SlaSweeper restarted = w.sweeper(db, at("2026-11-30T12:31"));
            assertThat(restarted.runOnce().breaches()).isEqualTo(1);
            assertThat(w.sweeper(db, at("2026-11-30T13:00")).runOnce().breaches()).isZero();
            assertThat(w.outbox(Escalations.ESCALATION_KIND)).containsExactly("bob@example.test", "carol@example.test");
            assertThat(new TicketRepository(db.dsl()).byId(ticket).orElseThrow().priority()).isEqualTo("HIGH");
            assertThat(new TierRepository(db.dsl()).escalatedAt(ticket)).contains(kyiv("2026-11-30T12:31"));
            assertThat(new EventRepository(db.dsl()).byTicket(ticket)).extracting(EventRepository.TicketEvent::type)
                    .contains("sla-warning", "escalation", "priority");
            assertThat(w.outbox(Escalations.WARNING_KIND)).hasSize(1);
            TicketSla breached = new TicketSlaRepository(db.dsl()).byTicket(ticket).get(0);
            assertThat(breached.state()).isEqualTo(SlaState.BREACHED);
            assertThat(breached.nextCheckAt()).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aTicketIsReplayedOnlyWhenItChangedNotAgainForItsOwnEscalation(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SlaWorld w = new SlaWorld(db);
            w.ticket("2026-11-27T17:30");
            w.ticket("2026-11-27T17:40");

            assertThat(w.sweeper(db, at("2026-11-30T11:00")).runOnce().synced()).isEqualTo(2);
            assertThat(w.sweeper(db, at("2026-11-30T11:01")).runOnce().synced()).isZero();
            SlaSweeper.Run breach = w.sweeper(db, at("2026-11-30T12:45")).runOnce();
            assertThat(breach.breaches()).isEqualTo(2);
            // The breach raised the priority and marked both escalated (updated_at moved): not replayed again.
            assertThat(w.sweeper(db, at("2026-11-30T12:46")).runOnce().synced()).isZero();
        }
    }

    /**
     * Woken, the sweeper's thread runs at once rather than at its next check or after {@code every} (an hour here):
     * a ticket stored meanwhile gets its SLA rows within the wait below, which it would not in an hour's sleep.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aWokenSweeperCatchesUpAtOnceInsteadOfAfterItsSleep(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            SlaWorld w = new SlaWorld(db);
            long first = w.ticket("2026-11-27T17:30");   // Friday evening: the next check is Monday, after the hour
            SlaSweeper sweeper = w.sweeper(db, at("2026-11-27T18:00"), Duration.ofHours(1));
            Thread thread = new Thread(sweeper, "sla-sweeper-test");
            thread.start();
            try {
                TicketSlaRepository sla = new TicketSlaRepository(db.dsl());
                awaitRows(sla, first);
                long second = w.ticket("2026-11-27T17:50");
                sweeper.wake();
                awaitRows(sla, second);
            } finally {
                sweeper.stop();
                thread.join(10_000);
            }
            assertThat(thread.isAlive()).isFalse();
        }
    }

    /**
     * Memory exhausted during a run (a burst of large mail elsewhere in the daemon) is an outage, as it is for the
     * worker and the sender: the sweeper's thread lives on and does the run again, where it used to die and leave
     * every deadline of the daemon's life unwatched.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aRunOutOfMemoryIsRetriedAndTheSweeperLivesOn(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            SlaWorld w = new SlaWorld(db);
            long ticket = w.ticket("2026-11-27T17:30");
            CountDownLatch failed = new CountDownLatch(1);
            java.time.Clock fixed = at("2026-11-27T18:00");
            java.time.Clock exhaustedOnce = new java.time.Clock() {
                @Override
                public java.time.ZoneId getZone() {
                    return fixed.getZone();
                }

                @Override
                public java.time.Clock withZone(java.time.ZoneId zone) {
                    return fixed.withZone(zone);
                }

                @Override
                public Instant instant() {
                    if (failed.getCount() > 0) {
                        failed.countDown();
                        throw new OutOfMemoryError("Java heap space (simulated)");
                    }
                    return fixed.instant();
                }
            };
            SlaSweeper sweeper = w.sweeper(db, exhaustedOnce, Duration.ofHours(1));
            Thread thread = new Thread(sweeper, "sla-sweeper-test");
            thread.start();
            try {
                assertThat(failed.await(20, TimeUnit.SECONDS)).as("the first run met the exhausted heap").isTrue();
                sweeper.wake(); // the retry at once rather than after the hour this test sets
                awaitRows(new TicketSlaRepository(db.dsl()), ticket);
                assertThat(thread.isAlive()).as("the sweeper's thread after the error").isTrue();
            } finally {
                sweeper.stop();
                thread.join(10_000);
            }
        }
    }

    /** Waits up to 20 s for the ticket's SLA rows; a wait for the condition, polled, not a fixed sleep. */
    private static void awaitRows(TicketSlaRepository sla, long ticket) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (sla.byTicket(ticket).isEmpty()) {
            assertThat(System.nanoTime()).as("SLA rows of ticket %d within 20 s", ticket).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /**
     * A change stamped before a sweep but committed after it (and after a newer change of another ticket was
     * replayed) is still replayed: the mark compares the ticket's updated_at for difference, not order.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aChangeCommittedLateAndOutOfOrderIsNotSkipped(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            SlaWorld w = new SlaWorld(db);
            long late = w.ticket("2026-11-30T10:00");
            long other = w.ticket("2026-11-30T10:00");
            w.sweeper(db, at("2026-11-30T10:30")).runOnce();

            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                pend(DSL.using(c, db.dsl().dialect()), late, kyiv("2026-11-30T10:55"));
                db.inTransactionRun(tx -> new TicketRepository(tx).touch(other, kyiv("2026-11-30T10:58")));
                assertThat(w.sweeper(db, at("2026-11-30T11:00")).runOnce().synced()).isEqualTo(1);
                c.commit();
            }

            assertThat(w.sweeper(db, at("2026-11-30T11:01")).runOnce().synced()).isEqualTo(1);
            assertThat(new TicketSlaRepository(db.dsl()).byTicket(late).get(0).state()).isEqualTo(SlaState.PAUSED);
        }
    }

    private static void pend(DSLContext tx, long ticket, Instant at) {
        new TicketRepository(tx).updateStatus(ticket, TicketStatus.PENDING, at);
        new EventRepository(tx).record(ticket, at, "alice@example.test", "status", "NEW -> PENDING");
    }

    /**
     * A backlog drain makes every ticket behind at once: the catch-up replays them in chunks that share their reads
     * and their commit (a statement count per chunk, not per ticket), with the same due times as one by one.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void manyTicketsBehindAreReplayedInChunksWithTheDueTimesOfOneByOne(TestDatabases.Kind kind) {
        AtomicInteger statements = new AtomicInteger();
        AtomicInteger commits = new AtomicInteger();
        var listeners = new Database.StoreListeners(ExecuteListener.onExecuteEnd(ctx -> statements.incrementAndGet()),
                TransactionListener.onCommitEnd(ctx -> commits.incrementAndGet()));
        try (Database db = TestDatabases.open(kind, listeners)) {
            SlaWorld w = new SlaWorld(db);
            List<Long> tickets = new ArrayList<>();
            for (int i = 0; i < 2 * SlaCatchUp.CHUNK + 10; i++) {
                tickets.add(w.ticket("2026-11-27T17:" + (10 + i % 45))); // due on Monday: no check falls due
            }
            long pended = tickets.get(7);
            db.inTransactionRun(tx -> pend(tx, pended, kyiv("2026-11-27T17:58")));
            SlaSweeper sweeper = w.sweeper(db, at("2026-11-27T18:00")); // seeds the templates
            statements.set(0);
            commits.set(0);

            SlaSweeper.Run run = sweeper.runOnce();

            assertThat(run.synced()).isEqualTo(tickets.size());
            assertThat(commits.get()).as("one commit per chunk of %d, not per ticket", SlaCatchUp.CHUNK).isLessThanOrEqualTo(5);
            assertThat(statements.get()).as("statements for %d tickets", tickets.size()).isLessThan(tickets.size() / 4);
            for (long t : tickets) {
                List<TicketSla> stored = new TicketSlaRepository(db.dsl()).byTicket(t);
                var oneByOne = db.inTransaction(tx -> SlaSync.deadlines(tx, t, kyiv("2026-11-27T18:00")));
                assertThat(stored).extracting(TicketSla::state, TicketSla::dueAt)
                        .containsExactlyElementsOf(oneByOne.stream().map(d -> tuple(d.state(), d.dueAt())).toList());
            }
            assertThat(new TicketSlaRepository(db.dsl()).byTicket(pended).get(0).state()).isEqualTo(SlaState.PAUSED);
            assertThat(w.sweeper(db, at("2026-11-27T18:01")).runOnce().synced()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aCalendarChangeMarksOpenTicketsStaleAndARunRecomputesThem(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SlaWorld w = new SlaWorld(db);
            long ticket = w.ticket("2026-11-27T17:30");
            w.sweeper(db, at("2026-11-28T10:00")).runOnce();
            assertThat(new TicketSlaRepository(db.dsl()).byTicket(ticket).get(0).dueAt()).isEqualTo(kyiv("2026-11-30T12:30"));

            db.inTransactionRun(tx -> {
                new CalendarRepository(tx).setHours(w.mailboxId, SlaWorld.KYIV, WeeklyHours.parse("mon-sun 00:00-24:00"),
                        kyiv("2026-11-28T10:05"));
                assertThat(SlaCatchUp.markStale(tx, w.mailboxId, kyiv("2026-11-28T10:05"))).isEqualTo(1);
            });
            assertThat(w.sweeper(db, at("2026-11-28T10:06")).runOnce().synced()).isEqualTo(1);
            assertThat(new TicketSlaRepository(db.dsl()).byTicket(ticket).get(0).dueAt()).isEqualTo(kyiv("2026-11-27T21:30"));
            assertThat(new SlaMarks(db.dsl()).stale(10)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void warningsAndBreachesAreCountedOnceAndBreachingTicketsGauged(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SlaWorld w = new SlaWorld(db);
            w.ticket("2026-11-27T17:30");
            Metrics metrics = new Metrics(db);
            w.sweeper(db, at("2026-11-30T11:45")).observeWith(metrics).runOnce();
            w.sweeper(db, at("2026-11-30T11:46")).observeWith(metrics).runOnce();
            assertThat(metrics.scrape()).contains("postdesk_sla_warnings_total{mailbox=\"support\",target=\"first-response\"} 1.0")
                    .doesNotContain("postdesk_sla_breaches_total")
                    .contains("postdesk_sla_breaching_tickets{mailbox=\"support\"} 0.0");

            w.sweeper(db, at("2026-11-30T12:31")).observeWith(metrics).runOnce();
            w.sweeper(db, at("2026-11-30T12:32")).observeWith(metrics).runOnce();
            assertThat(metrics.scrape()).contains("postdesk_sla_breaches_total{mailbox=\"support\",target=\"first-response\"} 1.0")
                    .contains("postdesk_sla_warnings_total{mailbox=\"support\",target=\"first-response\"} 1.0")
                    .contains("postdesk_sla_breaching_tickets{mailbox=\"support\"} 1.0");
        }
    }

    @Test
    void twoDaemonsOnOnePostgresSendEachWarningAndEscalationOnce() throws Exception {
        try (Database first = TestDatabases.postgres();
             Database second = Database.open(new DbSettings(((HikariDataSource) first.dataSource()).getJdbcUrl(),
                     "postgres", null, 8))) {
            SlaWorld w = new SlaWorld(first);
            List<Long> tickets = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                tickets.add(w.ticket("2026-11-27T17:30"));
            }
            race(w.sweeper(first, at("2026-11-30T11:45")), w.sweeper(second, at("2026-11-30T11:45")));
            race(w.sweeper(first, at("2026-11-30T12:45")), w.sweeper(second, at("2026-11-30T12:45")));

            assertThat(w.outbox(Escalations.WARNING_KIND)).hasSize(tickets.size());
            assertThat(w.outbox(Escalations.ESCALATION_KIND)).hasSize(2 * tickets.size());
            for (long t : tickets) {
                assertThat(new EventRepository(first.dsl()).byTicket(t)).extracting(EventRepository.TicketEvent::type)
                        .containsOnlyOnce("sla-warning", "escalation");
            }
        }
    }

    /** Both daemons sweep at once, three times each. */
    private static void race(SlaSweeper a, SlaSweeper b) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (SlaSweeper s : List.of(a, b)) {
            runs.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 3; i++) {
                    s.runOnce();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : runs) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }
}
