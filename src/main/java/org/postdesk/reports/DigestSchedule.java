package org.postdesk.reports;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a mailbox's weekly digest goes out: a weekday and a time of day in the mailbox's calendar zone, stored as
 * {@code MON 08:00} in {@code mailbox.report_digest}. A period is the week that ends at the digest's moment; its
 * start is the previous week's moment, which also keys the digest's once-per-period row.
 */
public record DigestSchedule(DayOfWeek day, LocalTime time) {
    private static final Pattern SPEC = Pattern.compile(
            "(?i)\\s*(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\s+([01]?\\d|2[0-3]):([0-5]\\d)\\s*");

    /** The schedule {@code text} ("mon 08:00", "Friday 17:30") names; empty when it names none. */
    public static Optional<DigestSchedule> parse(String text) {
        Matcher m = SPEC.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return Optional.empty();
        }
        DayOfWeek day = switchDay(m.group(1).toLowerCase(Locale.ROOT));
        return Optional.of(new DigestSchedule(day, LocalTime.of(Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)))));
    }

    private static DayOfWeek switchDay(String d) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT).equals(d)) {
                return day;
            }
        }
        throw new IllegalArgumentException("not a weekday: " + d);
    }

    /** As stored and shown: {@code MON 08:00}. */
    public String format() {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT) + " " + time;
    }

    /**
     * The latest digest moment at or before {@code now} in {@code zone}: the end of the period due now. On a
     * daylight-saving gap the moment moves forward with the clock, as {@link ZonedDateTime#of} does.
     */
    public Instant lastDue(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime candidate = ZonedDateTime.of(local.toLocalDate().with(TemporalAdjusters.previousOrSame(day)),
                time, zone);
        return candidate.isAfter(local) ? candidate.minusWeeks(1).toInstant() : candidate.toInstant();
    }

    /** The start of the period that ends at {@code end}: one week earlier, in local time. */
    public Instant periodStart(Instant end, ZoneId zone) {
        return end.atZone(zone).minusWeeks(1).toInstant();
    }
}
