package org.postdesk.reports;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * How much of a span counts as working time: an SLA business calendar ({@link SlaCalendarTime}), the
 * mailbox's own ({@code postdesk hours}) or, for a mailbox without one, {@code report.business-hours}
 * ({@link ReportSetup#workingTime}).
 */
public interface WorkingTime {
    /** The working time between {@code from} and {@code to}; zero when {@code to} is not after {@code from}. */
    Duration between(Instant from, Instant to);

    /** Whether {@code at} falls in working hours. */
    boolean isOpen(Instant at);

    /** The zone hours of the week are counted in. */
    ZoneId zone();

    /** Whether the hour from {@code hour} o'clock on {@code day} is a working hour in a week without holidays. */
    boolean isOpenHour(DayOfWeek day, int hour);

    /** Open hours per week, for the staffing plan's "the current calendar needs" line. */
    default int openHoursPerWeek() {
        int n = 0;
        for (DayOfWeek d : DayOfWeek.values()) {
            for (int h = 0; h < 24; h++) {
                n += isOpenHour(d, h) ? 1 : 0;
            }
        }
        return n;
    }

    /** A stable description; when it changes, every fact is recomputed. */
    String describe();
}
