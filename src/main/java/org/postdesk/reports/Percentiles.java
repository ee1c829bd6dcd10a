package org.postdesk.reports;

/** Median and 90th percentile of a duration in calendar and business seconds over {@code count} tickets; null when none. */
public record Percentiles(long count, Double median, Double p90, Double businessMedian, Double businessP90) {
}
