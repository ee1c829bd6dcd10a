package org.postdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.store.Database;
import org.postdesk.store.TestDatabases;

/** Every figure of the fixture against the answer worked out by hand (the comments show the sums). */
class ReportNumbersTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void summaryMatchesTheHandComputedFigures(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            ReportFixture f = db.inTransaction(ReportFixture::write);
            assertThat(new FactRefresher(db, ReportFixture.HOURS, CLOCK).refresh()).isEqualTo(9);

            Summary s = new SummaryQuery(db.dsl(), ReportFixture.TARGETS).run("all", f.week());

            assertThat(s.opened()).as("T1 T2 T3 T4 T6 T9; merged T5 and spam T7 left out").isEqualTo(6);
            assertThat(s.closed()).as("T1 T2 T3 T4 T8").isEqualTo(5);
            assertThat(s.reopened()).as("T3").isEqualTo(1);
            assertThat(s.backlogStart()).as("T8").isEqualTo(1);
            assertThat(s.backlogEnd()).as("T6 T9").isEqualTo(2);
            // FRT: T1 1.5h, T2 5h less 3h pending = 2h, T3 1h, T4 41h (business: 1h Wed + holiday + 1h Fri = 2h)
            assertThat(s.firstResponse()).isEqualTo(new Percentiles(4, 6300.0, 105480.0, 6300.0, 7200.0));
            // resolution: 2h, 27h (12h business), 25h (10h), 42h (3h), T8 77h (14h)
            assertThat(s.resolution()).isEqualTo(new Percentiles(5, 97200.0, 226800.0, 36000.0, 47520.0));
            assertThat(s.fcr()).as("T1 T4 T8; T2 has two replies, T3 was reopened").isEqualTo(3);
            assertThat(s.fcrRate()).isEqualTo(0.6);
            assertThat(s.repliesPerTicket()).isEqualTo(1.2);
            assertThat(s.sla()).extracting(SlaAttainment::met, SlaAttainment::total)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 4L), org.assertj.core.groups.Tuple.tuple(3L, 5L));
            assertThat(s.satisfaction()).isEqualTo(new Satisfaction(3, 2, 1, 0.5, 3.5, 2.0 / 3));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aMailboxWithAnSlaCalendarCountsBusinessTimeByIt(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            ReportFixture f = db.inTransaction(ReportFixture::write);
            new FactRefresher(db, ReportFixture.HOURS, CLOCK).refresh();
            new org.postdesk.store.CalendarRepository(db.dsl()).setHours(f.mailbox, ZoneOffset.UTC,
                    org.postdesk.sla.WeeklyHours.parse("mon-sun 00:00-24:00"), CLOCK.instant());
            assertThat(new FactRefresher(db, ReportFixture.HOURS, CLOCK).refresh()).as("calendar changed: all again")
                    .isEqualTo(9);
            Summary s = new SummaryQuery(db.dsl(), ReportFixture.TARGETS).run("all", f.week());
            // open around the clock: business time equals calendar time (T4's holiday counts too)
            assertThat(s.firstResponse().businessP90()).isEqualTo(s.firstResponse().p90());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void refreshRecomputesOnlyTicketsWithNewEvents(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            ReportFixture f = db.inTransaction(ReportFixture::write);
            FactRefresher refresher = new FactRefresher(db, ReportFixture.HOURS, CLOCK);
            refresher.refresh();
            assertThat(refresher.refresh()).as("nothing new since").isZero();
            FactRefresher later = new FactRefresher(db, ReportFixture.HOURS,
                    Clock.offset(CLOCK, FactRefresher.SLACK.multipliedBy(3)));
            assertThat(later.refresh()).isZero();
            // an event stamped before the last refresh but committed after it: SLACK still finds it
            Instant laterNow = CLOCK.instant().plus(FactRefresher.SLACK.multipliedBy(3));
            new org.postdesk.store.EventRepository(db.dsl()).record(f.t1,
                    laterNow.minus(FactRefresher.SLACK.dividedBy(2)), "admin:lead", "note", "late commit");
            assertThat(later.refresh()).as("only T1 has a new event").isEqualTo(1);
        }
    }
}
