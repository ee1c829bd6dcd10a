package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.TransactionListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.sla.SlaState;
import org.postdesk.sla.SlaTarget;

/**
 * The sweeper writes the SLA state of 1 to 100 tickets at a time. Each distinct statement text is parsed and kept by
 * H2 in every session's query cache (and prepared by PostgreSQL's driver): when the text depended on the number of
 * rows, a drain's catch-up kept a hundred variants of a MERGE with one SELECT per row, 80 MB of a 256 MB heap.
 */
class SlaWriteStatementsTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theStatementsThatStoreReplaysDoNotChangeWithTheNumberOfTickets(TestDatabases.Kind kind) {
        Set<String> texts = new LinkedHashSet<>();
        ExecuteListener capture = new ExecuteListener() {
            private static final long serialVersionUID = 1L;

            @Override
            public void executeStart(ExecuteContext ctx) {
                if (ctx.sql() != null && !ctx.sql().trim().toLowerCase().startsWith("select")) {
                    texts.add(ctx.sql());
                }
            }
        };
        try (Database db = TestDatabases.open(kind, new Database.StoreListeners(capture, new TransactionListener() { }))) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            List<Long> tickets = new ArrayList<>();
            for (int i = 0; i < 1 + 2 + 3 + 4 + 5; i++) {
                tickets.add(StoreFixtures.ticket(db.dsl(), mailbox, "c" + i + "@example.test"));
            }
            texts.clear();
            int from = 0;
            for (int count = 1; count <= 5; count++) {
                List<Long> some = tickets.subList(from, from + count);
                from += count;
                db.inTransactionRun(tx -> {
                    new SlaMarks(tx).replayed(some.stream()
                            .map(id -> new SlaMarks.Replay(id, NOW, Optional.empty())).toList());
                    Map<Long, List<TicketSla>> rows = new HashMap<>();
                    some.forEach(id -> rows.put(id, List.of(row(id))));
                    new TicketSlaRepository(tx).replaceAll(rows);
                });
            }

            // The mark insert and the upsert once each, the DELETE of other targets with its IN list padded to 1, 2,
            // 4 and 8 ids (jOOQ's in-list padding); a text per row count made 14.
            assertThat(texts).as("statements written for 1 to 5 tickets at a time").hasSizeLessThanOrEqualTo(2 + 4);
            for (long id : tickets) {
                assertThat(new TicketSlaRepository(db.dsl()).byTicket(id)).extracting(TicketSla::state)
                        .containsExactly(SlaState.OK);
            }
            assertThat(new SlaMarks(db.dsl()).byTickets(tickets)).hasSize(tickets.size());
        }
    }

    private static TicketSla row(long ticketId) {
        return new TicketSla(ticketId, SlaTarget.FIRST_RESPONSE, 1, SlaState.OK, Duration.ofHours(4),
                NOW.plusSeconds(4 * 3600), NOW.plusSeconds(3 * 3600), Duration.ofHours(4), null, NOW.plusSeconds(3600),
                NOW);
    }
}
