package org.postdesk.sla;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A date on which the ordinary week does not apply: a named holiday or a one-off closed day (no
 * opening), or a day with its own hours (a shortened day, or an extra opening on a day that is
 * normally closed). The hours replace that date's ordinary intervals; an interval of the day
 * before that crosses midnight is not affected.
 *
 * @param date the local date in the calendar's zone
 * @param kind what the day is
 * @param name what people call it ("New Year's Day"); may be empty, never null
 * @param hours the day's intervals for {@link Kind#HOURS}; empty for the others
 */
public record DayOverride(LocalDate date, Kind kind, String name, List<TimeRange> hours) {
    /** What an overridden day is. */
    public enum Kind {
        /** A public holiday: closed, and the after-hours acknowledgement names it. */
        HOLIDAY,
        /** Closed for another reason (a team event, a move). */
        CLOSED,
        /** Open, but with these hours instead of the ordinary ones. */
        HOURS
    }

    public DayOverride {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name.strip();
        hours = List.copyOf(hours);
        if (kind == Kind.HOURS && hours.isEmpty()) {
            throw new IllegalArgumentException(date + ": a day with its own hours needs at least one interval;"
                    + " to close the day, make it a holiday or a closed day");
        }
        if (kind != Kind.HOURS && !hours.isEmpty()) {
            throw new IllegalArgumentException(date + ": a " + kind.name().toLowerCase(Locale.ROOT) + " day has no hours");
        }
        WeeklyHours.of(Map.of(date.getDayOfWeek(), hours)); // refuses overlapping intervals
    }

    public static DayOverride holiday(LocalDate date, String name) {
        return new DayOverride(date, Kind.HOLIDAY, name, List.of());
    }

    public static DayOverride closed(LocalDate date, String name) {
        return new DayOverride(date, Kind.CLOSED, name, List.of());
    }

    public static DayOverride hours(LocalDate date, String name, List<TimeRange> hours) {
        return new DayOverride(date, Kind.HOURS, name, hours);
    }

    /** Whether the team is away all day. */
    public boolean isClosed() {
        return kind != Kind.HOURS;
    }
}
