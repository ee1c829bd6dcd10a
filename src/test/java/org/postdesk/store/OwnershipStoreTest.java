package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.postdesk.store.db.Tables.MESSAGE;
import static org.postdesk.store.db.Tables.TICKET;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.tickets.TicketStatus;
import org.postdesk.tickets.agent.Owner;
import org.postdesk.tickets.agent.TakeResult;

class OwnershipStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static long agent(Database db, String name) {
        return new AgentRepository(db.dsl()).add(new NewAgent(name, List.of(name + "@example.test"), List.of())).id();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void agentsRacingForAFreeTicketGetExactlyOneWinner(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            int racers = 8;
            List<Long> agents = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                agents.add(agent(db, "agent" + i));
            }
            for (int round = 0; round < 5; round++) {
                long ticket = StoreFixtures.ticket(db.dsl(), mailbox, "ann@example.test");
                List<TakeResult> results = race(db, ticket, agents);
                List<Long> winners = results.stream().filter(r -> r instanceof TakeResult.Taken)
                        .map(r -> ((TakeResult.Taken) r).owner().agentId()).toList();
                assertThat(winners).hasSize(1);
                assertThat(results).filteredOn(r -> r instanceof TakeResult.HeldBy)
                        .allMatch(r -> ((TakeResult.HeldBy) r).owner().agentId() == winners.get(0))
                        .hasSize(racers - 1);
                assertThat(new OwnershipRepository(db.dsl()).owner(ticket)).map(Owner::agentId).contains(winners.get(0));
            }
        }
    }

    /** Every agent takes in its own transaction, all released at once; each holds its transaction open a moment. */
    private static List<TakeResult> race(Database db, long ticket, List<Long> agents) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(agents.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TakeResult>> futures = new ArrayList<>();
        for (long agent : agents) {
            futures.add(pool.submit(() -> {
                start.await();
                return db.inTransaction(tx -> {
                    TakeResult r = new OwnershipRepository(tx).take(ticket, agent, NOW);
                    sleep(20); // widen the window in which the others must wait for this commit
                    return r;
                });
            }));
        }
        start.countDown();
        List<TakeResult> results = new ArrayList<>();
        for (Future<TakeResult> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return results;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void releaseOnlyFreesTheSameHoldingAndTakeIsIdempotentForTheOwner(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long ticket = StoreFixtures.ticket(db.dsl(), StoreFixtures.mailbox(db.dsl(), "support"), "ann@example.test");
            long bob = agent(db, "bob");
            long eve = agent(db, "eve");
            OwnershipRepository o = new OwnershipRepository(db.dsl());
            assertThat(o.take(ticket, bob, NOW)).isInstanceOf(TakeResult.Taken.class);
            assertThat(o.take(ticket, bob, NOW.plusSeconds(5))).isEqualTo(new TakeResult.Taken(o.owner(ticket).orElseThrow()));
            assertThat(o.take(ticket, eve, NOW)).isInstanceOf(TakeResult.HeldBy.class);
            assertThat(o.release(ticket, new Owner(bob, NOW.minusSeconds(1)), NOW)).isFalse();
            assertThat(o.release(ticket, new Owner(eve, NOW), NOW)).isFalse();
            assertThat(o.assign(ticket, eve, NOW.plusSeconds(10))).map(Owner::agentId).contains(bob);
            assertThat(o.release(ticket, o.owner(ticket).orElseThrow(), NOW)).isTrue();
            assertThat(o.owner(ticket)).isEmpty();
            assertThat(o.take(999_999, bob, NOW)).isInstanceOf(TakeResult.NotFound.class);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theIdleSweepSeesTheHeldTicketsOfEveryOpenStatusAndNoClosedOrSpamOne(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            long bob = agent(db, "bob");
            OwnershipRepository o = new OwnershipRepository(db.dsl());
            List<Long> open = new ArrayList<>();
            for (TicketStatus status : TicketStatus.values()) {
                long ticket = StoreFixtures.ticket(db.dsl(), mailbox, status.name().toLowerCase() + "@example.test");
                o.take(ticket, bob, NOW);
                db.dsl().update(TICKET).set(TICKET.STATUS, status.name()).where(TICKET.ID.eq(ticket)).execute();
                if (!status.isClosed()) {
                    open.add(ticket);
                }
            }
            StoreFixtures.ticket(db.dsl(), mailbox, "nobody-holds-it@example.test");
            assertThat(o.ownedOpenTickets()).extracting(OwnershipRepository.Owned::ticketId)
                    .containsExactlyElementsOf(open);
        }
    }

    /**
     * The idle sweep reads only the tickets idle by the wall clock since the cutoff: held since then and no message of
     * the owner's after it (a message of somebody else's, or the owner's before the cutoff, does not count).
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theIdleSweepReadsOnlyTicketsWhoseOwnerIsIdleSinceTheCutoff(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            long bob = agent(db, "bob");
            long eve = agent(db, "eve");
            OwnershipRepository o = new OwnershipRepository(db.dsl());
            Instant cutoff = NOW.minusSeconds(4 * 3600);
            long idle = heldSince(db, mailbox, bob, cutoff.minusSeconds(3600), "idle@example.test");
            long takenLater = heldSince(db, mailbox, bob, cutoff.plusSeconds(60), "taken-later@example.test");
            long answeredLater = heldSince(db, mailbox, bob, cutoff.minusSeconds(3600), "answered@example.test");
            ownerMessage(db, answeredLater, bob, cutoff.plusSeconds(60), "<a1@example.test>");
            long othersWrote = heldSince(db, mailbox, bob, cutoff.minusSeconds(3600), "others@example.test");
            ownerMessage(db, othersWrote, eve, cutoff.plusSeconds(60), "<e1@example.test>");
            ownerMessage(db, othersWrote, bob, cutoff.minusSeconds(60), "<b1@example.test>");
            StoreFixtures.ticket(db.dsl(), mailbox, "nobody-holds-it@example.test");

            assertThat(o.ownedOpenTicketsIdleSince(cutoff)).extracting(OwnershipRepository.Owned::ticketId)
                    .containsExactly(idle, othersWrote);
            assertThat(o.ownedOpenTickets()).extracting(OwnershipRepository.Owned::ticketId)
                    .containsExactly(idle, takenLater, answeredLater, othersWrote);
        }
    }

    private static long heldSince(Database db, long mailbox, long agent, Instant since, String requester) {
        long ticket = StoreFixtures.ticket(db.dsl(), mailbox, requester);
        new OwnershipRepository(db.dsl()).take(ticket, agent, since);
        return ticket;
    }

    private static void ownerMessage(Database db, long ticket, long agent, Instant at, String messageId) {
        long id = new MessageRepository(db.dsl()).insert(StoreFixtures.inbound(ticket, messageId)).orElseThrow();
        db.dsl().update(MESSAGE).set(MESSAGE.AGENT_ID, agent).set(MESSAGE.STORED_AT, Timestamps.toDb(at))
                .where(MESSAGE.ID.eq(id)).execute();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void anAddressBelongsToOneAgentAndAFailedAddChangesNothing(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            AgentRepository agents = new AgentRepository(db.dsl());
            agents.add(new NewAgent("Bob", List.of("bob@example.test"), List.of()));
            assertThrows(DuplicateAgentAddressException.class, () -> agents.add(
                    new NewAgent("Robert", List.of("robert@example.test", "BOB@example.test"), List.of())));
            assertThat(agents.list()).hasSize(1);
            assertThat(agents.byAddress("robert@example.test")).isEmpty();
        }
    }
}
