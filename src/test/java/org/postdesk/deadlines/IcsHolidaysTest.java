package org.postdesk.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postdesk.sla.DayOverride;

class IcsHolidaysTest {
    private static final LocalDate FROM = LocalDate.parse("2026-01-01");
    private static final LocalDate UNTIL = LocalDate.parse("2028-01-01");

    private static List<DayOverride> read(String ics) {
        return IcsHolidays.read(new StringReader(ics.replace("\n", "\r\n")), "holidays.ics", FROM, UNTIL);
    }

    @Test
    void readsAllDayEventsMultiDayEventsAndYearlyRules() {
        List<DayOverride> days = read("""
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//Example//Holidays//EN
                BEGIN:VEVENT
                UID:1@example
                DTSTAMP:20260101T000000Z
                DTSTART;VALUE=DATE:20260309
                DTEND;VALUE=DATE:20260310
                SUMMARY:Women's Day (observed)
                END:VEVENT
                BEGIN:VEVENT
                UID:2@example
                DTSTAMP:20260101T000000Z
                DTSTART;VALUE=DATE:20261231
                DTEND;VALUE=DATE:20270102
                SUMMARY:New Year
                END:VEVENT
                BEGIN:VEVENT
                UID:3@example
                DTSTAMP:20260101T000000Z
                DTSTART;VALUE=DATE:20260824
                RRULE:FREQ=YEARLY
                SUMMARY:Independence Day
                END:VEVENT
                END:VCALENDAR
                """);

        assertThat(days).extracting(DayOverride::date).containsExactly(LocalDate.parse("2026-03-09"),
                LocalDate.parse("2026-08-24"), LocalDate.parse("2026-12-31"), LocalDate.parse("2027-01-01"),
                LocalDate.parse("2027-08-24"));
        assertThat(days.get(0).name()).isEqualTo("Women's Day (observed)");
        assertThat(days).allMatch(d -> d.kind() == DayOverride.Kind.HOLIDAY);
    }

    @Test
    void aBrokenFileIsRefusedWithItsLine() {
        assertThatThrownBy(() -> read("""
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20260309
                this line is no property
                END:VEVENT
                END:VCALENDAR
                """)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holidays.ics line 7").hasMessageContaining("nothing was imported");
    }
}
