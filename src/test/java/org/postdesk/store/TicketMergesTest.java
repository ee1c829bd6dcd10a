package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.tickets.TicketStatus;

class TicketMergesTest {
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void mergedTicketsConversationAndNumberLeadToTheSurvivor(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            long survivor = StoreFixtures.ticket(db.dsl(), mailbox, "ann@example.test");
            long merged = StoreFixtures.ticket(db.dsl(), mailbox, "ann@example.test");
            TicketRepository tickets = new TicketRepository(db.dsl());
            MessageRepository messages = new MessageRepository(db.dsl());
            messages.insert(StoreFixtures.inbound(survivor, "<first@x>"));
            messages.insert(StoreFixtures.inbound(merged, "<second@x>"));
            tickets.addParticipant(survivor, "ann@example.test", "REQUESTER");
            tickets.addParticipant(merged, "ann@example.test", "REQUESTER");
            tickets.addParticipant(merged, "bob@example.test", "CC");
            new EventRepository(db.dsl()).record(merged, NOW, "system", "CREATED", null);

            TicketMerges.Moved moved = db.inTransaction(tx -> new TicketMerges(tx).merge(merged, survivor, NOW));

            assertThat(moved).isEqualTo(new TicketMerges.Moved(1, 2, 1));
            assertThat(messages.byTicket(survivor)).hasSize(2);
            assertThat(tickets.participants(survivor)).containsExactlyInAnyOrder("ann@example.test", "bob@example.test");
            assertThat(tickets.participants(merged)).isEmpty();
            assertThat(new EventRepository(db.dsl()).byTicket(survivor)).hasSize(1);
            TicketRow gone = tickets.byId(merged).orElseThrow();
            assertThat(gone.status()).isEqualTo(TicketStatus.CLOSED);
            assertThat(gone.closedAt()).isEqualTo(NOW);

            StoreTicketLookup lookup = new StoreTicketLookup(messages, tickets);
            assertThat(lookup.byMessageId("<second@x>").orElseThrow().id()).isEqualTo(survivor);
            assertThat(lookup.byNumber(gone.number()).orElseThrow().id()).isEqualTo(survivor);
            assertThat(lookup.byNumber(gone.number()).orElseThrow().participants()).contains("bob@example.test");
            assertThat(new TicketMerges(db.dsl()).survivorOf(merged)).isEqualTo(survivor);
            assertThat(new TicketMerges(db.dsl()).mergedInto(survivor)).isEmpty();
        }
    }
}
