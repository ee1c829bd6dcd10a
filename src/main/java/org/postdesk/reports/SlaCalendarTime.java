package org.postdesk.reports;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.postdesk.sla.BusinessCalendar;
import org.postdesk.sla.TimeRange;

/**
 * An SLA business calendar (weekly hours and holidays) as report working time: a mailbox's ({@code postdesk hours})
 * or the one made of {@code report.business-hours} ({@link ReportSetup#workingTime}).
 */
public final class SlaCalendarTime implements WorkingTime {
    private final BusinessCalendar calendar;

    public SlaCalendarTime(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public Duration between(Instant from, Instant to) {
        return to.isAfter(from) ? calendar.businessTimeBetween(from, to) : Duration.ZERO;
    }

    @Override
    public boolean isOpen(Instant at) {
        return calendar.isOpen(at);
    }

    @Override
    public ZoneId zone() {
        return calendar.zone();
    }

    @Override
    public boolean isOpenHour(DayOfWeek day, int hour) {
        LocalTime t = LocalTime.of(hour, 0);
        for (TimeRange r : calendar.weekly().on(day)) {
            boolean in = r.crossesMidnight() ? !t.isBefore(r.start()) : !t.isBefore(r.start()) && t.isBefore(r.end());
            if (in) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return calendar + " " + calendar.overrides();
    }
}
