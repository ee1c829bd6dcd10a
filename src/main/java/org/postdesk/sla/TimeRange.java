package org.postdesk.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One opening interval of a day, local time. An end at or before the start means the interval
 * crosses midnight and ends on the next day ({@code 22:00-02:00}); {@code 24:00} is accepted as an
 * end and means midnight.
 *
 * @param start the local opening time
 * @param end the local closing time (exclusive), on the next day when not after {@code start}
 */
public record TimeRange(LocalTime start, LocalTime end) {
    public TimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** Parses {@code HH:MM-HH:MM}; throws {@link IllegalArgumentException} naming the text. */
    public static TimeRange parse(String text) {
        String[] parts = text.trim().split("-", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("'" + text + "' is not an interval: write HH:MM-HH:MM, e.g. 09:00-18:00");
        }
        TimeRange range = new TimeRange(time(parts[0], text), time(parts[1], text));
        if (range.start.equals(range.end) && !"24:00".equals(parts[1].trim())) {
            throw new IllegalArgumentException("'" + text + "' is empty: the start and the end are the same;"
                    + " write 00:00-24:00 for a whole day");
        }
        return range;
    }

    private static LocalTime time(String part, String whole) {
        String t = part.trim();
        if ("24:00".equals(t)) {
            return LocalTime.MIDNIGHT;
        }
        try {
            if (!t.matches("\\d{1,2}:\\d{2}")) {
                throw new DateTimeParseException("not HH:MM", t, 0);
            }
            return LocalTime.parse(t.length() == 4 ? "0" + t : t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + whole + "': '" + t + "' is not a time of day; write HH:MM (00:00-24:00)",
                    e);
        }
    }

    /** Whether the interval ends on the next day. */
    public boolean crossesMidnight() {
        return !end.isAfter(start);
    }

    /** The wall-clock length, as on a day without a DST change. */
    public Duration length() {
        Duration d = Duration.between(start, end);
        return crossesMidnight() ? d.plusDays(1) : d;
    }

    /** Start and end in minutes from the start of its own day; the end may pass 1440. */
    int startMinute() {
        return start.getHour() * 60 + start.getMinute();
    }

    int endMinute() {
        return startMinute() + (int) length().toMinutes();
    }

    @Override
    public String toString() {
        return start + "-" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString());
    }
}
