package org.postdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * When a team works: ordinary weekly hours in one time zone, with holidays and one-off exceptions,
 * and the arithmetic of business time over it.
 *
 * <p>Intervals are local times and become instants through the zone's rules, so a DST change is
 * handled where it happens: a change during a closed night (the usual Sunday 03:00) neither adds
 * nor removes business time, and an interval that spans a change lasts as long as the clocks on
 * the wall say minus or plus the hour that really passed. A local time that does not exist (in the
 * spring gap) moves forward by the gap; an ambiguous one (the autumn overlap) takes the earlier
 * offset, as {@link ZonedDateTime#of} does.
 *
 * <p>Immutable and thread-safe. Every method is a pure function of its arguments.
 */
public final class BusinessCalendar {
    /** How far ahead an opening is looked for before the calendar is called never open. */
    private static final int MAX_SCAN_DAYS = 3 * 366;
    private static final BusinessCalendar ALWAYS =
            new BusinessCalendar(ZoneId.of("UTC"), WeeklyHours.parse("mon-sun 00:00-24:00"), List.of());

    private final ZoneId zone;
    private final WeeklyHours weekly;
    private final Map<LocalDate, DayOverride> overrides;

    /**
     * Throws {@link IllegalArgumentException} when the week has no opening at all: a calendar that
     * is never open would make every due time infinite.
     */
    public BusinessCalendar(ZoneId zone, WeeklyHours weekly, Collection<DayOverride> overrides) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.weekly = Objects.requireNonNull(weekly, "weekly");
        if (weekly.isNeverOpen()) {
            throw new IllegalArgumentException("a calendar that is never open cannot measure business time:"
                    + " give it weekly hours, e.g. 'mon-fri 09:00-18:00'");
        }
        this.overrides = new TreeMap<>(overrides.stream()
                .collect(Collectors.toMap(DayOverride::date, Function.identity(), (a, b) -> {
                    throw new IllegalArgumentException(a.date() + " has two exceptions: " + a.kind() + " and "
                            + b.kind() + "; keep one");
                })));
    }

    /** Open around the clock in UTC: what a mailbox without a calendar of its own uses. */
    public static BusinessCalendar always() {
        return ALWAYS; // immutable: one for all, not a week parsed for every ticket the SLA sweeper replays
    }

    public ZoneId zone() {
        return zone;
    }

    public WeeklyHours weekly() {
        return weekly;
    }

    /** The exceptions, by date. */
    public List<DayOverride> overrides() {
        return List.copyOf(overrides.values());
    }

    /** Whether the team is working at {@code at}. */
    public boolean isOpen(Instant at) {
        OpenPeriod p = periodsFrom(at).next();
        return p.contains(at);
    }

    /** {@code at} when open, else the start of the next opening. */
    public Instant nextOpening(Instant at) {
        OpenPeriod p = periodsFrom(at).next();
        return p.contains(at) ? at : p.start();
    }

    /** The holiday or closed day (in the calendar's zone) that {@code at} falls on, if any. */
    public Optional<DayOverride> closedDayAt(Instant at) {
        return Optional.ofNullable(overrides.get(at.atZone(zone).toLocalDate())).filter(DayOverride::isClosed);
    }

    /**
     * The instant at which {@code amount} of business time has passed since {@code start}. The
     * result lies in an open period (its end included), so a due time never falls on a closed
     * moment: four business hours from Friday 17:30 with 09:00-18:00 is Monday 12:30. A zero
     * amount gives the next opening.
     */
    public Instant plusBusinessTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("cannot add negative business time " + amount);
        }
        Duration left = amount;
        Iterator<OpenPeriod> periods = periodsFrom(start);
        while (true) {
            OpenPeriod p = periods.next();
            Instant from = p.start().isAfter(start) ? p.start() : start;
            Duration available = Duration.between(from, p.end());
            if (left.compareTo(available) <= 0) {
                return from.plus(left);
            }
            left = left.minus(available);
        }
    }

    /**
     * The business time between two instants; negative when {@code to} is before {@code from}.
     */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return businessTimeBetween(to, from).negated();
        }
        Duration sum = Duration.ZERO;
        Iterator<OpenPeriod> periods = periodsFrom(from);
        while (true) {
            OpenPeriod p = periods.next();
            if (!p.start().isBefore(to)) {
                return sum;
            }
            Instant a = p.start().isAfter(from) ? p.start() : from;
            Instant b = p.end().isBefore(to) ? p.end() : to;
            sum = sum.plus(Duration.between(a, b));
        }
    }

    /**
     * The open periods that end after {@code at}, in order, overlapping ones joined (adjacent ones may not be);
     * endless. Its {@code next()} throws {@link IllegalStateException} when no opening follows
     * within three years (every day ahead is a holiday).
     */
    public Iterator<OpenPeriod> periodsFrom(Instant at) {
        return new Periods(at);
    }

    /** The intervals of one local date as instants, in order. */
    private List<OpenPeriod> periodsOn(LocalDate date) {
        DayOverride o = overrides.get(date);
        List<TimeRange> ranges = o == null ? weekly.on(date.getDayOfWeek()) : o.hours();
        return ranges.stream()
                .map(r -> new Instant[] {ZonedDateTime.of(date, r.start(), zone).toInstant(),
                        ZonedDateTime.of(r.crossesMidnight() ? date.plusDays(1) : date, r.end(), zone).toInstant()})
                .filter(se -> se[1].isAfter(se[0]))
                .map(se -> new OpenPeriod(se[0], se[1]))
                .toList();
    }

    @Override
    public String toString() {
        return weekly + " (" + zone + "), " + overrides.size() + " exception(s)";
    }

    /** Walks the dates from the day before {@code at} (its intervals may cross midnight into it). */
    private final class Periods implements Iterator<OpenPeriod> {
        private final Instant at;
        private final Deque<OpenPeriod> ready = new ArrayDeque<>();
        private LocalDate date;
        private OpenPeriod pending;

        Periods(Instant at) {
            this.at = at;
            this.date = at.atZone(zone).toLocalDate().minusDays(1);
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public OpenPeriod next() {
            int scanned = 0;
            while (ready.isEmpty()) {
                if (scanned++ > MAX_SCAN_DAYS) {
                    throw new IllegalStateException("the calendar " + BusinessCalendar.this
                            + " has no opening in the three years after " + at + "; remove some closed days");
                }
                periodsOn(date).forEach(this::offer);
                date = date.plusDays(1);
                // A pending period may still be extended by the next date's first interval (crossing midnight).
                if (pending != null && pending.end().isBefore(ZonedDateTime.of(date, LocalTime.MIN, zone)
                        .toInstant())) {
                    ready.add(pending);
                    pending = null;
                }
            }
            OpenPeriod p = ready.poll();
            if (p == null) {
                throw new NoSuchElementException();
            }
            return p;
        }

        private void offer(OpenPeriod p) {
            if (!p.end().isAfter(at)) {
                return;
            }
            if (pending == null) {
                pending = p;
            } else if (p.start().isBefore(pending.end())) {
                Instant end = p.end().isAfter(pending.end()) ? p.end() : pending.end();
                pending = new OpenPeriod(pending.start(), end);
            } else {
                ready.add(pending);
                pending = p;
            }
        }
    }
}
