package org.postdesk.cli;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.postdesk.sla.BusinessCalendar;
import org.postdesk.sla.DayOverride;
import org.postdesk.sla.TimeRange;

/** A mailbox's calendar as {@code hours show} prints it (and its JSON, with stable field names). */
record CalendarView(String mailbox, boolean configured, String zone, String weekly, boolean openNow, Instant nextOpening,
                    List<Day> exceptions) {

    /** One holiday or exception. */
    record Day(String date, String kind, String name, String hours) {
        static Day of(DayOverride d) {
            return new Day(d.date().toString(), d.kind().name().toLowerCase(Locale.ROOT), d.name(),
                    String.join(",", d.hours().stream().map(TimeRange::toString).toList()));
        }
    }

    static CalendarView of(String mailbox, boolean configured, BusinessCalendar cal, Instant now) {
        return new CalendarView(mailbox, configured, cal.zone().getId(), cal.weekly().toString(), cal.isOpen(now),
                cal.nextOpening(now), cal.overrides().stream().map(Day::of).toList());
    }
}
