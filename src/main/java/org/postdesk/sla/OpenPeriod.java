package org.postdesk.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * One stretch of business time, {@code [start, end)}.
 *
 * @param start the first open instant
 * @param end the first closed instant after it
 */
public record OpenPeriod(Instant start, Instant end) {
    public OpenPeriod {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an open period must end after it starts: " + start + " - " + end);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
