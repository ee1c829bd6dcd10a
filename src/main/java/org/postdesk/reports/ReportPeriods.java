package org.postdesk.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The default period (the last 28 days, whole days in the report's zone) and how a period reads. */
public final class ReportPeriods {
    public static final Duration DEFAULT_LENGTH = Duration.ofDays(28);

    private ReportPeriods() {
    }

    /** {@code [from, to)} from the given dates (either may be null): to defaults to tomorrow, from to 28 days before it. */
    public static Instant[] resolve(LocalDate from, LocalDate to, ZoneId zone, Instant now) {
        LocalDate end = to != null ? to.plusDays(1) : now.atZone(zone).toLocalDate().plusDays(1);
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_LENGTH.toDays());
        return new Instant[] {start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant()};
    }

    static String describe(ReportFilter f) {
        return f.from() + " to " + f.to();
    }
}
