package org.postdesk.reports;

import java.time.Duration;
import java.util.HashSet;
import org.postdesk.config.ReportsConfig;

/** The report inputs from the configuration: the working-time calendar and the targets. */
public final class ReportSetup {
    private ReportSetup() {
    }

    /** The calendar reports count business time with (the seam for the SLA business calendar). */
    public static WorkingTime workingTime(ReportsConfig c) {
        return WeeklyHours.parse(c.businessHours(), c.timeZone(), new HashSet<>(c.holidays()));
    }

    public static Targets targets(ReportsConfig c) {
        Duration handling = c.handlingTime().isZero() ? null : c.handlingTime();
        return new Targets(workingTime(c), c.firstResponseTarget(), c.resolutionTarget(), c.minutesPerReply(), handling,
                c.shrinkagePercent() / 100.0, c.serviceLevelPercent() / 100.0);
    }
}
