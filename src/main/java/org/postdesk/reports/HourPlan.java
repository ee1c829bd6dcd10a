package org.postdesk.reports;

/**
 * One hour of the week in the staffing plan: arrivals seen (mean and p90 over the weeks), the traffic in
 * erlangs, the agents Erlang C asks for on the mean ({@code agents}) and on the p90 week, both with
 * shrinkage, and whether the calendar has the hour open.
 */
public record HourPlan(String day, int hour, double meanArrivals, double p90Arrivals, double erlangs, int agents,
                       int agentsP90, boolean open) {
}
