package org.postdesk.reports;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The figures of one ticket that reports add up (a row of {@code ticket_fact}). Durations are seconds, null
 * when the event has not happened; {@code *Bs} are business seconds. {@code excluded} tickets (spam, merged
 * into another) are left out of every figure; the merged conversation counts in the surviving ticket.
 */
public record TicketFact(long ticketId, long mailboxId, String requester, String category, String priority,
                         String status, boolean excluded, Long ownerAgentId, Long responderAgentId,
                         Long closerAgentId, Instant createdAt, LocalDate createdDay, int createdHourOfWeek,
                         boolean createdInHours, Instant firstResponseAt, Long frtSeconds, Long frtBusinessSeconds,
                         Instant closedAt, Long resolutionSeconds, Long resolutionBusinessSeconds, int agentReplies,
                         int customerMessages, int reopens, boolean firstContactResolution) {
}
