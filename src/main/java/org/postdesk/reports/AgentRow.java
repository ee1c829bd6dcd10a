package org.postdesk.reports;

/** One agent's line of {@code report agents}. */
public record AgentRow(long agentId, String agent, String address, long ticketsTaken, long repliesSent,
                       long ticketsClosed, Double firstResponseMedian, Double firstResponseMedianBusiness,
                       Double fcrRate, Double satisfaction, long rated, long held, long stale, long openNow) {
}
