package org.postdesk.store;

import java.time.Instant;
import org.postdesk.tickets.TicketNumber;
import org.postdesk.tickets.TicketStatus;

/** One ticket as stored. */
public record TicketRow(long id, TicketNumber number, long mailboxId, String subject, TicketStatus status,
                        String priority, String category, String requester, String requesterName, String locale,
                        Long ownerAgentId, Instant ownerSince, Long linkedTicketId, Instant createdAt,
                        Instant updatedAt, Instant closedAt) {
}
