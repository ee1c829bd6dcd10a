package org.postdesk.deadlines;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtEnd;
import org.postdesk.sla.DayOverride;

/**
 * Reads the holidays of an iCalendar file ({@code .ics}, RFC 5545) as public-holiday feeds publish them,
 * with ical4j: every {@code VEVENT} becomes a holiday on each date it covers ({@code DTEND} is exclusive,
 * RFC 5545 §3.6.1), named by its {@code SUMMARY}; a yearly {@code RRULE} is expanded over the
 * {@code years} given. Events with a time of day count for the date they start on.
 */
public final class IcsHolidays {

    private IcsHolidays() {
    }

    /**
     * The holidays, by date; throws {@link IllegalArgumentException} naming {@code source}, the line and
     * the reason when the file is not valid iCalendar.
     */
    public static List<DayOverride> read(Reader in, String source, LocalDate from, LocalDate until) {
        Calendar cal;
        try {
            cal = new CalendarBuilder().build(in);
        } catch (ParserException e) {
            throw new IllegalArgumentException(source + " line " + e.getLineNo() + ": " + e.getMessage()
                    + "; not a valid iCalendar file, nothing was imported", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": cannot read: " + e.getMessage(), e);
        }
        Map<LocalDate, DayOverride> days = new TreeMap<>();
        for (Component c : cal.getComponents()) {
            if (c instanceof VEvent event) {
                String name = event.getProperty(Property.SUMMARY).map(Property::getValue).orElse("holiday");
                for (LocalDate d : dates(event, source, from, until)) {
                    days.putIfAbsent(d, DayOverride.holiday(d, name));
                }
            }
        }
        return new ArrayList<>(days.values());
    }

    private static List<LocalDate> dates(VEvent event, String source, LocalDate from, LocalDate until) {
        Optional<Temporal> start = event.getStartDate().map(p -> (Temporal) p.getDate());
        if (start.isEmpty()) {
            throw new IllegalArgumentException(source + ": an event (" + event.getProperty(Property.SUMMARY)
                    .map(Property::getValue).orElse("without SUMMARY") + ") has no DTSTART; nothing was imported");
        }
        List<LocalDate> out = new ArrayList<>();
        if (event.getProperty(Property.RRULE).isEmpty()) {
            LocalDate first = date(start.get());
            // DTEND as written; ical4j's getEndDate() would derive one from a default duration in seconds,
            // which a DATE value cannot take.
            LocalDate end = event.<DtEnd<Temporal>>getProperty(Property.DTEND).map(p -> date(p.getDate()))
                    .orElse(first.plusDays(1));
            addRange(out, first, end);
            return out;
        }
        for (Period<Temporal> p : event.<Temporal>calculateRecurrenceSet(new Period<>(from, until))) {
            LocalDate first = date(p.getStart());
            addRange(out, first, p.getEnd() == null ? first.plusDays(1) : date(p.getEnd()));
        }
        return out;
    }

    /** The date of a DATE, local DATE-TIME, zoned DATE-TIME or UTC DATE-TIME value. */
    private static LocalDate date(Temporal t) {
        return t instanceof Instant i ? LocalDate.ofInstant(i, ZoneOffset.UTC) : LocalDate.from(t);
    }

    /** Each date from {@code first} up to the exclusive {@code end} (at least {@code first}). */
    private static void addRange(List<LocalDate> out, LocalDate first, LocalDate end) {
        long n = Math.max(1, ChronoUnit.DAYS.between(first, end));
        for (long i = 0; i < n; i++) {
            out.add(first.plusDays(i));
        }
    }
}
