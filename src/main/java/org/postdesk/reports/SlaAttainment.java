package org.postdesk.reports;

import java.time.Duration;

/** How many of {@code total} tickets met a target ({@code within} business time); {@code share} null when none. */
public record SlaAttainment(String target, Duration within, long met, long total, Double share) {
}
