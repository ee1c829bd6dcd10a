package org.postdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * Business-time arithmetic as properties (jqwik): for random calendars, starts across 2026 (both DST
 * changes in Kyiv and New York included) and amounts, adding then measuring gives the same amount,
 * results never fall in a closed period, and measuring is additive.
 */
class BusinessTimePropertiesTest {
    private static final Instant YEAR_START = Instant.parse("2026-01-01T00:00:00Z");

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        Arbitrary<String> weekly = Arbitraries.of("mon-fri 09:00-18:00", "mon-fri 09:00-13:00,14:00-18:00; sat 10:00-14:00",
                "mon-sun 00:00-24:00", "mon-fri 22:00-02:00", "tue,thu 01:30-02:30,03:00-03:15", "sun 00:00-04:00");
        Arbitrary<String> zone = Arbitraries.of("Europe/Kyiv", "America/New_York", "UTC", "Asia/Kolkata");
        return weekly.flatMap(w -> zone.map(z -> new BusinessCalendar(ZoneId.of(z), WeeklyHours.parse(w), List.of(
                DayOverride.holiday(LocalDate.parse("2026-03-09"), "Monday holiday"),
                DayOverride.hours(LocalDate.parse("2026-11-01"), "extra Sunday", List.of(TimeRange.parse("00:30-03:30"))),
                DayOverride.closed(LocalDate.parse("2026-10-26"), "closed")))));
    }

    private static Instant start(long minutes) {
        return YEAR_START.plus(Duration.ofMinutes(minutes));
    }

    @Property(tries = 400)
    void addingThenMeasuringGivesTheSameDuration(@ForAll("calendars") BusinessCalendar cal,
                                                 @ForAll @LongRange(min = 0, max = 525_600) long startMinute,
                                                 @ForAll @LongRange(min = 0, max = 6_000) long amountMinutes) {
        Instant start = start(startMinute);
        Duration amount = Duration.ofMinutes(amountMinutes);

        Instant end = cal.plusBusinessTime(start, amount);

        assertThat(cal.businessTimeBetween(start, end)).isEqualTo(amount);
        assertThat(end).isAfterOrEqualTo(start);
    }

    @Property(tries = 400)
    void resultsNeverFallInAClosedPeriod(@ForAll("calendars") BusinessCalendar cal,
                                         @ForAll @LongRange(min = 0, max = 525_600) long startMinute,
                                         @ForAll @LongRange(min = 1, max = 6_000) long amountMinutes) {
        Instant end = cal.plusBusinessTime(start(startMinute), Duration.ofMinutes(amountMinutes));

        // The due instant ends business time: the moment just before it is open.
        assertThat(cal.isOpen(end.minusNanos(1))).isTrue();
    }

    @Property(tries = 300)
    void measuringIsAdditiveAndNeverMoreThanTheWallClock(@ForAll("calendars") BusinessCalendar cal,
                                                         @ForAll @LongRange(min = 0, max = 525_600) long a,
                                                         @ForAll @LongRange(min = 0, max = 20_000) long ab,
                                                         @ForAll @LongRange(min = 0, max = 20_000) long bc) {
        Instant x = start(a);
        Instant y = x.plus(Duration.ofMinutes(ab));
        Instant z = y.plus(Duration.ofMinutes(bc));

        assertThat(cal.businessTimeBetween(x, y).plus(cal.businessTimeBetween(y, z))).isEqualTo(cal.businessTimeBetween(x, z));
        assertThat(cal.businessTimeBetween(x, z)).isLessThanOrEqualTo(Duration.between(x, z));
    }

    @Property(tries = 300)
    void theNextOpeningIsOpenAndNothingBeforeItIs(@ForAll("calendars") BusinessCalendar cal,
                                                  @ForAll @LongRange(min = 0, max = 525_600) long startMinute) {
        Instant at = start(startMinute);

        Instant open = cal.nextOpening(at);

        assertThat(cal.isOpen(open)).isTrue();
        assertThat(cal.businessTimeBetween(at, open)).isEqualTo(Duration.ZERO);
    }
}
