package org.postdesk.reports;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.postdesk.config.ReportsConfig;
import org.postdesk.sla.BusinessCalendar;
import org.postdesk.sla.DayOverride;
import org.postdesk.sla.WeeklyHours;

/** The report inputs from the configuration: the working-time calendar and the targets. */
public final class ReportSetup {
    private ReportSetup() {
    }

    /**
     * The calendar reports count business time with where a mailbox has no SLA calendar of its own:
     * {@code report.business-hours} in {@code report.time-zone}, closed on {@code report.holidays}.
     */
    public static WorkingTime workingTime(ReportsConfig c) {
        return workingTime(c.businessHours(), c.timeZone(), c.holidays());
    }

    /**
     * {@code hours} such as {@code Mon-Fri 09:00-18:00} in {@code zone}, closed all day on {@code holidays}, as
     * an SLA business calendar (the configuration allows spaces around the dashes, the calendar does not).
     */
    public static WorkingTime workingTime(String hours, ZoneId zone, Collection<LocalDate> holidays) {
        WeeklyHours weekly = WeeklyHours.parse(hours.strip().replaceAll("\\s*-\\s*", "-"));
        List<DayOverride> closed = holidays.stream().distinct().map(d -> DayOverride.holiday(d, "")).toList();
        return new SlaCalendarTime(new BusinessCalendar(zone, weekly, closed));
    }

    public static Targets targets(ReportsConfig c) {
        Duration handling = c.handlingTime().isZero() ? null : c.handlingTime();
        return new Targets(workingTime(c), c.firstResponseTarget(), c.resolutionTarget(), c.minutesPerReply(), handling,
                c.shrinkagePercent() / 100.0, c.serviceLevelPercent() / 100.0);
    }
}
