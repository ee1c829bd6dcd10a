package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.tickets.TicketStatus;

/** `ticket list --status S` (issue 16): the newest tickets of one status, read from an index in order. */
class TicketListIndexTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void listByStatusGivesTheNewestOfThatStatusFirst(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            TicketRepository tickets = new TicketRepository(db.dsl());
            for (int i = 0; i < 9; i++) {
                long id = StoreFixtures.ticket(db.dsl(), mailbox, "c" + i + "@example.test");
                if (i % 3 == 0) {
                    tickets.updateStatus(id, TicketStatus.PENDING, java.time.Instant.parse("2026-11-23T11:00:00Z"));
                }
            }
            List<String> pending = tickets.list(TicketStatus.PENDING, 2).stream().map(TicketRow::requester).toList();
            assertThat(pending).containsExactly("c6@example.test", "c3@example.test");
            assertThat(tickets.list(null, 1).get(0).requester()).isEqualTo("c8@example.test");
        }
    }

    @Test
    void onH2TheStatusListReadsTheStatusIdIndexInOrder() {
        try (Database db = TestDatabases.h2()) {
            String plan = db.dsl().fetchValue("EXPLAIN " + db.dsl().renderInlined(db.dsl().selectFrom(
                    org.postdesk.store.db.Tables.TICKET).where(org.postdesk.store.db.Tables.TICKET.STATUS.eq("PENDING"))
                    .orderBy(org.postdesk.store.db.Tables.TICKET.STATUS, org.postdesk.store.db.Tables.TICKET.ID.desc())
                    .limit(100))).toString();
            assertThat(plan).contains("ticket_status_id_ix").contains("index sorted");
        }
    }
}
