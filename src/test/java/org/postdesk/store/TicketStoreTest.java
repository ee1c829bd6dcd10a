package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.tickets.TicketNumber;
import org.postdesk.tickets.TicketRef;
import org.postdesk.tickets.TicketStatus;

class TicketStoreTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void concurrentTicketCreationGivesDistinctValidNumbers(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            int threads = 6;
            int perThread = 40;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    List<Long> numbers = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        numbers.add(db.inTransaction(tx -> {
                            long id = StoreFixtures.ticket(tx, mailbox, "ann@example.test");
                            return new TicketRepository(tx).byId(id).orElseThrow().number().value();
                        }));
                    }
                    return numbers;
                }));
            }
            start.countDown();
            Set<Long> all = Collections.synchronizedSet(new HashSet<>());
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertThat(all).hasSize(threads * perThread);
            assertThat(all).allMatch(n -> TicketNumber.parse(Long.toString(n)).isPresent());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void secondMessageWithSameDedupeKeyIsRefused(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long ticket = StoreFixtures.ticket(db.dsl(), StoreFixtures.mailbox(db.dsl(), "support"), "ann@example.test");
            MessageRepository messages = new MessageRepository(db.dsl());
            assertThat(messages.insert(StoreFixtures.inbound(ticket, "<a@x>"))).isPresent();
            assertThat(messages.insert(StoreFixtures.inbound(ticket, "<a@x>"))).isEmpty();
            assertThat(messages.count()).isEqualTo(1);
            assertThat(messages.existsDedupeKey("<a@x>")).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void lookupFindsTicketByMessageIdAndNumberWithParticipants(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long ticket = StoreFixtures.ticket(db.dsl(), StoreFixtures.mailbox(db.dsl(), "support"), "ann@example.test");
            TicketRepository tickets = new TicketRepository(db.dsl());
            tickets.addParticipant(ticket, "ann@example.test", "REQUESTER");
            tickets.addParticipant(ticket, "ann@example.test", "CC");
            tickets.addParticipant(ticket, "bob@example.test", "CC");
            new MessageRepository(db.dsl()).insert(StoreFixtures.inbound(ticket, "<a@x>"));
            StoreTicketLookup lookup = new StoreTicketLookup(new MessageRepository(db.dsl()), tickets);

            Optional<TicketRef> byId = lookup.byMessageId("<a@x>");
            assertThat(byId).isPresent();
            assertThat(byId.get().participants()).containsExactlyInAnyOrder("ann@example.test", "bob@example.test");
            assertThat(lookup.byNumber(byId.get().number())).map(TicketRef::id).contains(ticket);
            assertThat(lookup.byMessageId("<other@x>")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void closingStampsClosedAtAndReopeningClearsIt(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long ticket = StoreFixtures.ticket(db.dsl(), StoreFixtures.mailbox(db.dsl(), "support"), "ann@example.test");
            TicketRepository tickets = new TicketRepository(db.dsl());
            Instant at = Instant.parse("2026-11-23T12:00:00Z");
            tickets.updateStatus(ticket, TicketStatus.CLOSED, at);
            assertThat(tickets.byId(ticket).orElseThrow().closedAt()).isEqualTo(at);
            tickets.updateStatus(ticket, TicketStatus.OPEN, at.plusSeconds(5));
            assertThat(tickets.byId(ticket).orElseThrow().closedAt()).isNull();
            assertThat(tickets.list(TicketStatus.OPEN, 10)).hasSize(1);
            assertThat(tickets.list(TicketStatus.CLOSED, 10)).isEmpty();
        }
    }
}
