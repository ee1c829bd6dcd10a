package org.postdesk.sla;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The opening hours of an ordinary week: for each day, its intervals in local time, sorted and
 * never overlapping (also not an interval that crosses midnight with the next day's first one).
 * Written and parsed as {@code mon-fri 09:00-13:00,14:00-18:00; sat 10:00-14:00}.
 */
public final class WeeklyHours {
    private static final List<String> DAY_NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final int WEEK_MINUTES = 7 * 24 * 60;
    private final Map<DayOfWeek, List<TimeRange>> days;

    private WeeklyHours(Map<DayOfWeek, List<TimeRange>> days) {
        EnumMap<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
        days.forEach((day, ranges) -> {
            if (!ranges.isEmpty()) {
                copy.put(day, ranges.stream().sorted(Comparator.comparing(TimeRange::start)).toList());
            }
        });
        this.days = copy;
        checkNoOverlap();
    }

    /** The week with these intervals; throws {@link IllegalArgumentException} naming an overlap. */
    public static WeeklyHours of(Map<DayOfWeek, List<TimeRange>> days) {
        return new WeeklyHours(days);
    }

    /**
     * Parses clauses separated by {@code ;}: days ({@code mon}, {@code mon-fri}, {@code sat,sun})
     * then intervals separated by {@code ,}. Days not named are closed. Throws
     * {@link IllegalArgumentException} naming the clause and the problem.
     */
    public static WeeklyHours parse(String spec) {
        Map<DayOfWeek, List<TimeRange>> days = new EnumMap<>(DayOfWeek.class);
        for (String clause : spec.split(";")) {
            if (clause.isBlank()) {
                continue;
            }
            String[] parts = clause.trim().split("\\s+", 2);
            if (parts.length < 2) {
                throw new IllegalArgumentException("weekly hours clause '" + clause.trim()
                        + "' has no intervals: write days then intervals, e.g. 'mon-fri 09:00-18:00'");
            }
            List<TimeRange> ranges = new ArrayList<>();
            for (String r : parts[1].split("[,\\s]+")) {
                if (!r.isBlank()) {
                    ranges.add(TimeRange.parse(r));
                }
            }
            for (DayOfWeek day : parseDays(parts[0])) {
                days.computeIfAbsent(day, d -> new ArrayList<>()).addAll(ranges);
            }
        }
        return new WeeklyHours(days);
    }

    private static List<DayOfWeek> parseDays(String text) {
        List<DayOfWeek> out = new ArrayList<>();
        for (String item : text.toLowerCase(Locale.ROOT).split(",")) {
            String[] ends = item.split("-", -1);
            if (ends.length > 2) {
                throw new IllegalArgumentException("'" + text + "' is not a day range: write e.g. mon-fri or sat,sun");
            }
            int from = day(ends[0], text);
            int to = ends.length == 2 ? day(ends[1], text) : from;
            for (int i = from; ; i = (i + 1) % 7) {
                out.add(DayOfWeek.of(i + 1));
                if (i == to) {
                    break;
                }
            }
        }
        return out;
    }

    private static int day(String name, String whole) {
        String n = name.trim();
        for (int i = 0; i < 7; i++) {
            if (n.equals(DAY_NAMES.get(i)) || n.equals(DayOfWeek.of(i + 1).name().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        throw new IllegalArgumentException("'" + n + "' in '" + whole
                + "' is not a day: use mon, tue, wed, thu, fri, sat, sun");
    }

    private void checkNoOverlap() {
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        days.forEach((day, ranges) -> ranges.forEach(r -> {
            int base = (day.getValue() - 1) * 24 * 60;
            spans.add(new int[] {base + r.startMinute(), base + r.endMinute()});
            names.add(DAY_NAMES.get(day.getValue() - 1) + " " + r);
        }));
        for (int i = 0; i < spans.size(); i++) {
            for (int j = i + 1; j < spans.size(); j++) {
                if (overlap(spans.get(i), spans.get(j))) {
                    throw new IllegalArgumentException("weekly hours: " + names.get(j) + " overlaps " + names.get(i)
                            + "; give each moment of the week at most one interval (split or join them)");
                }
            }
        }
    }

    /** Overlap on the week's circle, so Sunday 22:00-02:00 is checked against Monday 01:00. */
    private static boolean overlap(int[] a, int[] b) {
        for (int shift = -WEEK_MINUTES; shift <= WEEK_MINUTES; shift += WEEK_MINUTES) {
            if (a[0] < b[1] + shift && b[0] + shift < a[1]) {
                return true;
            }
        }
        return false;
    }

    /** The intervals that start on {@code day}, sorted; empty when the day is closed. */
    public List<TimeRange> on(DayOfWeek day) {
        return days.getOrDefault(day, List.of());
    }

    /** Whether no day has any interval: such a week can never be a calendar. */
    public boolean isNeverOpen() {
        return days.isEmpty();
    }

    /** The canonical text, consecutive days with equal hours joined ({@code mon-fri}); {@link #parse} reads it back. */
    @Override
    public String toString() {
        StringJoiner out = new StringJoiner("; ");
        int i = 0;
        while (i < 7) {
            List<TimeRange> ranges = on(DayOfWeek.of(i + 1));
            int j = i;
            while (j + 1 < 7 && on(DayOfWeek.of(j + 2)).equals(ranges)) {
                j++;
            }
            if (!ranges.isEmpty()) {
                StringJoiner rs = new StringJoiner(",");
                ranges.forEach(r -> rs.add(r.toString()));
                out.add(DAY_NAMES.get(i) + (j > i ? "-" + DAY_NAMES.get(j) : "") + " " + rs);
            }
            i = j + 1;
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeeklyHours w && w.days.equals(days);
    }

    @Override
    public int hashCode() {
        return days.hashCode();
    }
}
