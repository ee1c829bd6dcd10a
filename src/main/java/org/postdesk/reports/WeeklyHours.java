package org.postdesk.reports;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Working hours that repeat every week ("Mon-Fri 09:00-18:00") in one zone, minus whole-day holidays.
 * Immutable. Written by hand rather than with a calendar library because it is thirty lines and the real
 * business calendar (issue 11, {@code org.postdesk.sla}) replaces it through {@link WorkingTime}.
 */
public final class WeeklyHours implements WorkingTime {
    private static final Pattern SPEC = Pattern.compile(
            "(?i)\\s*(mon|tue|wed|thu|fri|sat|sun)(?:\\s*-\\s*(mon|tue|wed|thu|fri|sat|sun))?\\s+(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})\\s*");

    private final Set<DayOfWeek> days;
    private final LocalTime open;
    private final LocalTime close;
    private final ZoneId zone;
    private final SortedSet<LocalDate> holidays;

    public WeeklyHours(Set<DayOfWeek> days, LocalTime open, LocalTime close, ZoneId zone, Set<LocalDate> holidays) {
        if (days.isEmpty() || !close.isAfter(open)) {
            throw new IllegalArgumentException("working hours need at least one day and a closing time after the"
                    + " opening time, got " + days + " " + open + "-" + close);
        }
        this.days = Set.copyOf(days);
        this.open = open;
        this.close = close;
        this.zone = zone;
        this.holidays = new TreeSet<>(holidays);
    }

    /**
     * Parses {@code "Mon-Fri 09:00-18:00"} (or {@code "Mon 08:00-12:00"}).
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static WeeklyHours parse(String spec, ZoneId zone, Set<LocalDate> holidays) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("business hours \"" + spec + "\" are not of the form"
                    + " 'Mon-Fri 09:00-18:00'");
        }
        DayOfWeek first = day(m.group(1));
        DayOfWeek last = m.group(2) == null ? first : day(m.group(2));
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d = first; ; d = d.plus(1)) {
            days.add(d);
            if (d == last) {
                break;
            }
        }
        try {
            return new WeeklyHours(days, LocalTime.parse(m.group(3)), LocalTime.parse(m.group(4)), zone, holidays);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("business hours \"" + spec + "\": " + e.getMessage(), e);
        }
    }

    private static DayOfWeek day(String abbrev) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(abbrev)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown weekday " + abbrev);
    }

    @Override
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate d = from.atZone(zone).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            if (!isWorkingDay(d)) {
                continue;
            }
            Instant dayOpen = ZonedDateTime.of(d, open, zone).toInstant();
            Instant dayClose = ZonedDateTime.of(d, close, zone).toInstant();
            Instant a = from.isAfter(dayOpen) ? from : dayOpen;
            Instant b = to.isBefore(dayClose) ? to : dayClose;
            if (b.isAfter(a)) {
                total = total.plus(Duration.between(a, b));
            }
        }
        return total;
    }

    @Override
    public boolean isOpen(Instant at) {
        ZonedDateTime z = at.atZone(zone);
        LocalTime t = z.toLocalTime();
        return isWorkingDay(z.toLocalDate()) && !t.isBefore(open) && t.isBefore(close);
    }

    @Override
    public boolean isOpenHour(DayOfWeek day, int hour) {
        LocalTime start = LocalTime.of(hour, 0);
        return days.contains(day) && !start.isBefore(open) && start.isBefore(close);
    }

    private boolean isWorkingDay(LocalDate d) {
        return days.contains(d.getDayOfWeek()) && !holidays.contains(d);
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    @Override
    public String describe() {
        String dayList = days.stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                .collect(Collectors.joining(","));
        return dayList + " " + open + "-" + close + " " + zone.getId()
                + (holidays.isEmpty() ? "" : " holidays " + holidays);
    }

    @Override
    public String toString() {
        return describe();
    }
}
