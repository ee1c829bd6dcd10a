package org.postdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessCalendarTest {
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final WeeklyHours OFFICE = WeeklyHours.parse("mon-fri 09:00-18:00");

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    private static BusinessCalendar calendar(String weekly, ZoneId zone, DayOverride... overrides) {
        return new BusinessCalendar(zone, WeeklyHours.parse(weekly), List.of(overrides));
    }

    @Test
    void fourBusinessHoursFromFridayEveningEndMondayNoon() {
        BusinessCalendar cal = new BusinessCalendar(KYIV, OFFICE, List.of());

        Instant due = cal.plusBusinessTime(at("2026-11-27T17:30", KYIV), Duration.ofHours(4));

        assertThat(due).isEqualTo(at("2026-11-30T12:30", KYIV));
    }

    @Test
    void splitDaysAndSaturdayCountOnlyTheirIntervals() {
        BusinessCalendar cal = calendar("mon-fri 09:00-13:00,14:00-18:00; sat 10:00-14:00", KYIV);

        assertThat(cal.plusBusinessTime(at("2026-11-27T12:00", KYIV), Duration.ofHours(2)))
                .isEqualTo(at("2026-11-27T15:00", KYIV));
        assertThat(cal.plusBusinessTime(at("2026-11-27T17:00", KYIV), Duration.ofHours(2)))
                .isEqualTo(at("2026-11-28T11:00", KYIV));
        assertThat(cal.businessTimeBetween(at("2026-11-27T12:00", KYIV), at("2026-11-30T10:00", KYIV)))
                .isEqualTo(Duration.ofHours(1 + 4 + 4 + 1));
        assertThat(cal.isOpen(at("2026-11-27T13:30", KYIV))).isFalse();
        assertThat(cal.nextOpening(at("2026-11-27T13:30", KYIV))).isEqualTo(at("2026-11-27T14:00", KYIV));
    }

    @ParameterizedTest(name = "{0}: weekend {1} to {2}")
    @CsvSource({
        "Europe/Kyiv,      2026-03-27T17:00, 2026-03-30T10:00",   // spring forward, Sunday 29 March 03:00 -> 04:00
        "Europe/Kyiv,      2026-10-23T17:00, 2026-10-26T10:00",   // fall back, Sunday 25 October 04:00 -> 03:00
        "America/New_York, 2026-03-06T17:00, 2026-03-09T10:00",   // spring forward, Sunday 8 March 02:00 -> 03:00
        "America/New_York, 2026-10-30T17:00, 2026-11-02T10:00",   // fall back, Sunday 1 November 02:00 -> 01:00
    })
    void sundayNightDstChangeNeitherAddsNorLosesBusinessTime(String zone, String friday, String monday) {
        ZoneId z = ZoneId.of(zone);
        BusinessCalendar cal = new BusinessCalendar(z, OFFICE, List.of());

        assertThat(cal.businessTimeBetween(at(friday, z), at(monday, z))).isEqualTo(Duration.ofHours(2));
        assertThat(cal.plusBusinessTime(at(friday, z), Duration.ofHours(2))).isEqualTo(at(monday, z));
    }

    @ParameterizedTest(name = "{0} on {1}: {2} h")
    @CsvSource({
        "Europe/Kyiv,      2026-03-29, 23",
        "Europe/Kyiv,      2026-10-25, 25",
        "America/New_York, 2026-03-08, 23",
        "America/New_York, 2026-11-01, 25",
    })
    void anIntervalSpanningTheChangeCountsTheHoursThatReallyPass(String zone, LocalDate day, int hours) {
        ZoneId z = ZoneId.of(zone);
        BusinessCalendar cal = calendar("mon-sun 00:00-24:00", z);
        Instant start = day.atStartOfDay(z).toInstant();

        assertThat(cal.businessTimeBetween(start, day.plusDays(1).atStartOfDay(z).toInstant()))
                .isEqualTo(Duration.ofHours(hours));
    }

    @Test
    void aLocalTimeInTheSpringGapOpensAfterTheGap() {
        BusinessCalendar cal = calendar("sun 02:30-05:00", NEW_YORK);

        assertThat(cal.nextOpening(at("2026-03-08T00:00", NEW_YORK))).isEqualTo(at("2026-03-08T03:30", NEW_YORK));
        assertThat(cal.businessTimeBetween(at("2026-03-08T00:00", NEW_YORK), at("2026-03-08T06:00", NEW_YORK)))
                .isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void aHolidayOnMondayMovesTheDueTimeToTuesday() {
        DayOverride holiday = DayOverride.holiday(LocalDate.parse("2026-11-30"), "Founders' Day");
        BusinessCalendar cal = new BusinessCalendar(KYIV, OFFICE, List.of(holiday));

        assertThat(cal.plusBusinessTime(at("2026-11-27T17:30", KYIV), Duration.ofHours(4)))
                .isEqualTo(at("2026-12-01T12:30", KYIV));
        assertThat(cal.isOpen(at("2026-11-30T10:00", KYIV))).isFalse();
        assertThat(cal.closedDayAt(at("2026-11-30T10:00", KYIV))).contains(holiday);
        assertThat(cal.nextOpening(at("2026-11-28T10:00", KYIV))).isEqualTo(at("2026-12-01T09:00", KYIV));
    }

    @Test
    void shortenedDaysAndExtraOpeningsReplaceThatDaysHours() {
        BusinessCalendar cal = new BusinessCalendar(KYIV, OFFICE, List.of(
                DayOverride.hours(LocalDate.parse("2026-12-31"), "New Year's Eve", List.of(TimeRange.parse("09:00-13:00"))),
                DayOverride.hours(LocalDate.parse("2026-12-26"), "stock-taking", List.of(TimeRange.parse("10:00-12:00")))));

        assertThat(cal.isOpen(at("2026-12-31T14:00", KYIV))).isFalse();
        assertThat(cal.isOpen(at("2026-12-26T11:00", KYIV))).isTrue();   // a Saturday
        assertThat(cal.businessTimeBetween(at("2026-12-25T17:00", KYIV), at("2026-12-28T10:00", KYIV)))
                .isEqualTo(Duration.ofHours(1 + 2 + 1));
    }

    @Test
    void anIntervalCrossingMidnightBelongsToTheDayItStarts() {
        BusinessCalendar cal = calendar("mon-fri 22:00-02:00", KYIV);

        assertThat(cal.isOpen(at("2026-11-28T01:30", KYIV))).isTrue();    // Saturday morning, from Friday night
        assertThat(cal.isOpen(at("2026-11-28T22:30", KYIV))).isFalse();   // Saturday night: closed
        assertThat(cal.plusBusinessTime(at("2026-11-27T23:00", KYIV), Duration.ofHours(4)))
                .isEqualTo(at("2026-11-30T23:00", KYIV));
        assertThat(cal.businessTimeBetween(at("2026-11-27T00:00", KYIV), at("2026-11-28T00:00", KYIV)))
                .isEqualTo(Duration.ofHours(4));  // Thursday's 00:00-02:00 and Friday's 22:00-24:00
    }

    @Test
    void aHolidayLeavesTheNightBeforeCrossingIntoItAlone() {
        BusinessCalendar cal = calendar("mon-sun 22:00-02:00", KYIV,
                DayOverride.holiday(LocalDate.parse("2026-12-25"), "Christmas"));

        assertThat(cal.isOpen(at("2026-12-25T01:00", KYIV))).isTrue();
        assertThat(cal.isOpen(at("2026-12-25T23:00", KYIV))).isFalse();
    }

    @Test
    void overlappingExceptionAndMidnightIntervalAreCountedOnce() {
        BusinessCalendar cal = calendar("mon 22:00-02:00", KYIV,
                DayOverride.hours(LocalDate.parse("2026-11-24"), "early", List.of(TimeRange.parse("01:00-03:00"))));

        assertThat(cal.businessTimeBetween(at("2026-11-23T00:00", KYIV), at("2026-11-25T00:00", KYIV)))
                .isEqualTo(Duration.ofHours(5));
    }

    @Test
    void aCalendarThatIsNeverOpenIsRefused() {
        assertThatThrownBy(() -> calendar("", KYIV))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never open");
    }

    @Test
    void aCalendarWithNoOpeningAheadSaysSoInsteadOfLooping() {
        LocalDate monday = LocalDate.parse("2026-11-30");
        List<DayOverride> everyMonday = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> DayOverride.closed(monday.plusWeeks(i), "closed")).toList();
        BusinessCalendar cal = new BusinessCalendar(KYIV, WeeklyHours.parse("mon 09:00-10:00"), everyMonday);

        assertThatThrownBy(() -> cal.nextOpening(at("2026-11-29T00:00", KYIV)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no opening in the three years");
        assertThat(cal.nextOpening(at("2026-11-23T00:00", KYIV))).isEqualTo(at("2026-11-23T09:00", KYIV));
    }

    @Test
    void zeroBusinessTimeIsTheNextOpening() {
        BusinessCalendar cal = new BusinessCalendar(KYIV, OFFICE, List.of());

        assertThat(cal.plusBusinessTime(at("2026-11-28T12:00", KYIV), Duration.ZERO))
                .isEqualTo(at("2026-11-30T09:00", KYIV));
        assertThat(cal.businessTimeBetween(at("2026-11-30T12:00", KYIV), at("2026-11-30T10:00", KYIV)))
                .isEqualTo(Duration.ofHours(-2));
    }

    @Test
    void twoExceptionsOnOneDateAreRefused() {
        LocalDate d = LocalDate.parse("2026-12-25");
        assertThatThrownBy(() -> new BusinessCalendar(KYIV, OFFICE,
                List.of(DayOverride.holiday(d, "Christmas"), DayOverride.closed(d, "party"))))
                .hasMessageContaining("2026-12-25 has two exceptions");
    }
}
