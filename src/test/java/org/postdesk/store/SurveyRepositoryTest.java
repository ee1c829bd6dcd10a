package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.tickets.TicketStatus;

/** The survey's store rules (issue 12) on H2 and PostgreSQL: which tickets are due, once per ticket, rated once. */
class SurveyRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void closedTicketsOfSurveyedMailboxesAreDueUntilTheirSurveyIsDecided(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SurveyRepository surveys = new SurveyRepository(db.dsl());
            long on = StoreFixtures.mailbox(db.dsl(), "support");
            long off = StoreFixtures.mailbox(db.dsl(), "sales");
            surveys.configure(on, true, "good-bad");
            long closed = closedTicket(db, on, NOW.minus(Duration.ofHours(1)));
            long old = closedTicket(db, on, NOW.minus(Duration.ofDays(5)));
            long open = StoreFixtures.ticket(db.dsl(), on, "ann@example.test");
            closedTicket(db, off, NOW);
            long merged = closedTicket(db, on, NOW);
            long survivor = StoreFixtures.ticket(db.dsl(), on, "ann@example.test");
            db.inTransaction(tx -> new TicketMerges(tx).merge(merged, survivor, NOW));
            long decided = closedTicket(db, on, NOW);
            new EventRepository(db.dsl()).record(decided, NOW, "postdesk", SurveyRepository.EVENT, "none: robot");

            assertThat(surveys.due(NOW.minus(Duration.ofDays(3)), 10)).containsExactly(closed);
            assertThat(surveys.scaleIfEnabled(on)).contains("good-bad");
            assertThat(surveys.scaleIfEnabled(off)).isEmpty();
            assertThat(old).isNotEqualTo(open);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aTicketGetsOneSurveyAndASurveyOneRating(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SurveyRepository surveys = new SurveyRepository(db.dsl());
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            long ticket = closedTicket(db, mailbox, NOW);

            long id = surveys.create(ticket, mailbox, "ann@example.test", "5", NOW).orElseThrow();
            assertThat(surveys.create(ticket, mailbox, "ann@example.test", "5", NOW)).isEmpty();
            surveys.setMessageId(id, "<pds1.x@example.test>");

            assertThat(surveys.rate(id, 2, false, "slow", NOW.plusSeconds(60))).isTrue();
            assertThat(surveys.rate(id, 5, true, null, NOW.plusSeconds(120))).isFalse();
            Survey s = surveys.byTicket(ticket).orElseThrow();
            assertThat(s.rating()).isEqualTo(2);
            assertThat(s.comment()).isEqualTo("slow");
            assertThat(s.messageId()).isEqualTo("<pds1.x@example.test>");
            assertThat(s.ratedAt()).isEqualTo(NOW.plusSeconds(60));
            assertThat(surveys.sentTo("ann@example.test", NOW.minus(Duration.ofDays(30)))).isTrue();
            assertThat(surveys.sentTo("ann@example.test", NOW.plusSeconds(1))).isFalse();
            assertThat(surveys.sentTo("bob@example.test", NOW.minus(Duration.ofDays(30)))).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void onlyARequesterWhoWroteByHandIsARealCustomer(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SurveyRepository surveys = new SurveyRepository(db.dsl());
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            long ticket = StoreFixtures.ticket(db.dsl(), mailbox, "ann@example.test");
            long robot = StoreFixtures.ticket(db.dsl(), mailbox, "monitor@example.test");
            new MessageRepository(db.dsl()).insert(StoreFixtures.inbound(ticket, "<m1@x>"));

            assertThat(surveys.wroteByHand(ticket, "Ann@Example.test")).isTrue();
            assertThat(surveys.wroteByHand(robot, "monitor@example.test")).isFalse();
            assertThat(surveys.lastReplier(ticket)).isEmpty();
        }
    }

    private static long closedTicket(Database db, long mailbox, Instant closedAt) {
        long id = StoreFixtures.ticket(db.dsl(), mailbox, "ann@example.test");
        new TicketRepository(db.dsl()).updateStatus(id, TicketStatus.CLOSED, closedAt);
        return id;
    }
}
