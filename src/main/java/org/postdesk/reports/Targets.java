package org.postdesk.reports;

import java.time.Duration;

/**
 * What the numbers are measured against: the SLA targets (business time), the staffing model's inputs and
 * the working-time calendar. {@code handlingTime} null means "measure it": agent replies × {@code minutesPerReply}.
 */
public record Targets(WorkingTime working, Duration firstResponse, Duration resolution, int minutesPerReply,
                      Duration handlingTime, double shrinkage, double serviceLevel) {
    public Targets {
        if (shrinkage < 0 || shrinkage >= 1) {
            throw new IllegalArgumentException("shrinkage must be from 0 to below 1 (e.g. 0.3), got " + shrinkage);
        }
        if (serviceLevel <= 0 || serviceLevel >= 1) {
            throw new IllegalArgumentException("service level must be between 0 and 1 (e.g. 0.8), got " + serviceLevel);
        }
    }
}
