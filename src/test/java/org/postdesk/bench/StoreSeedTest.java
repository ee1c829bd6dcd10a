package org.postdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.store.Database;
import org.postdesk.store.SlaMarks;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.store.TicketSlaRepository;
import org.postdesk.store.db.Tables;
import org.postdesk.tickets.TicketNumber;

/** The bench's store generator writes tickets the CLI and the daemon accept as their own. */
class StoreSeedTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void seededTicketsHaveValidNumbersAndTheSequenceMovesPastThem(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            StoreSeed.seed(db, 300);
            List<Long> numbers = db.dsl().select(Tables.TICKET.NUMBER).from(Tables.TICKET)
                    .fetch(Tables.TICKET.NUMBER);
            assertThat(numbers).hasSize(300).doesNotHaveDuplicates()
                    .allMatch(n -> TicketNumber.parse(Long.toString(n)).isPresent());
            TicketNumber some = TicketNumber.parse(Long.toString(numbers.get(123))).orElseThrow();
            TicketRow found = new TicketRepository(db.dsl()).byNumber(some).orElseThrow();
            assertThat(new TicketRepository(db.dsl()).participants(found.id())).containsExactly(found.requester());
            assertThat(db.dsl().fetchCount(Tables.MESSAGE)).isEqualTo(600);

            long next = new TicketRepository(db.dsl()).nextNumber().sequence();
            long maxSeeded = numbers.stream().mapToLong(n -> n / 10).max().orElseThrow();
            assertThat(next).isGreaterThan(maxSeeded);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void seededHistoryIsOneTheSlaSweeperHasCaughtUpWith(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            StoreSeed.seed(db, 120);
            assertThat(new SlaMarks(db.dsl()).behind(null, 10)).isEmpty();
            assertThat(new TicketSlaRepository(db.dsl()).syncedUntil()).isPresent();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aSecondSeedAddsMoreTicketsWithFreshNumbers(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            StoreSeed.seed(db, 50);
            long mailbox = db.dsl().select(Tables.MAILBOX.ID).from(Tables.MAILBOX).fetchOne(Tables.MAILBOX.ID);
            StoreSeed.tickets(db, 70, mailbox, List.of());
            assertThat(db.dsl().fetchCount(Tables.TICKET)).isEqualTo(120);
            assertThat(db.dsl().fetchCount(Tables.TICKET, Tables.TICKET.OWNER_AGENT_ID.isNull())).isEqualTo(70);
            assertThat(db.dsl().fetchCount(Tables.PARTICIPANT)).isEqualTo(120);
        }
    }
}
