package org.postdesk.reports;

/**
 * Survey results: {@code score} is the share of good ratings (4–5 on the 1–5 scale, or "good"), {@code average}
 * the mean of the 1–5 ratings; {@code responseRate} is rated / sent. Null when nothing was sent or rated.
 */
public record Satisfaction(long sent, long rated, long good, Double score, Double average, Double responseRate) {
}
