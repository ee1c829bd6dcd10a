package org.postdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WeeklyHoursTest {

    @Test
    void parsesDaysRangesListsAndSeveralIntervals() {
        WeeklyHours w = WeeklyHours.parse("mon-fri 09:00-13:00,14:00-18:00; sat 10:00-14:00");

        assertThat(w.on(DayOfWeek.WEDNESDAY)).containsExactly(TimeRange.parse("09:00-13:00"), TimeRange.parse("14:00-18:00"));
        assertThat(w.on(DayOfWeek.SATURDAY)).containsExactly(TimeRange.parse("10:00-14:00"));
        assertThat(w.on(DayOfWeek.SUNDAY)).isEmpty();
        assertThat(w).hasToString("mon-fri 09:00-13:00,14:00-18:00; sat 10:00-14:00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mon-fri 09:00-18:00", "mon,wed,fri 08:00-12:00; sat-sun 10:00-14:00",
        "fri-mon 22:00-02:00", "mon-sun 00:00-24:00", "monday 9:00-17:30"})
    void writesBackWhatItReads(String spec) {
        WeeklyHours w = WeeklyHours.parse(spec);

        assertThat(WeeklyHours.parse(w.toString())).isEqualTo(w);
    }

    @Test
    void twentyFourIsMidnightAtTheEndOfTheDay() {
        TimeRange r = TimeRange.parse("18:00-24:00");

        assertThat(r.end()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(r.crossesMidnight()).isTrue();
        assertThat(r.length().toHours()).isEqualTo(6);
        assertThat(r).hasToString("18:00-24:00");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mon-fri 09:00-13:00,12:00-18:00 | mon 12:00-18:00 overlaps mon 09:00-13:00",
        "sun 22:00-02:00; mon 01:00-05:00 | overlaps",
        "mon 09:00-25:00                 | '25:00' is not a time of day",
        "mon 09:00                       | is not an interval",
        "mox 09:00-10:00                 | 'mox' in 'mox' is not a day",
        "mon-fri                         | has no intervals",
        "mon 09:00-09:00                 | is empty",
    })
    void refusesBadHoursNamingTheProblem(String spec, String message) {
        assertThatThrownBy(() -> WeeklyHours.parse(spec))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
