package org.postdesk.config;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Reports, the satisfaction survey and the staffing model (issue 12). {@code businessHours} is a weekly
 * pattern such as {@code Mon-Fri 09:00-18:00} in {@code timeZone}, minus {@code holidays}; it stands in for
 * the business calendar of mailboxes without SLA hours (postdesk hours), and the zone and open hours of arrivals and staffing. {@code handlingTime} zero means "measure
 * it" (agent replies × {@code minutesPerReply}). Percentages are whole numbers.
 */
public record ReportsConfig(ZoneId timeZone, String businessHours, List<LocalDate> holidays,
                            Duration firstResponseTarget, Duration resolutionTarget, int minutesPerReply,
                            Duration handlingTime, int shrinkagePercent, int serviceLevelPercent,
                            Duration surveyMinInterval) {
    public ReportsConfig {
        holidays = List.copyOf(holidays);
    }
}
