package org.postdesk.store;

import java.time.Instant;
import org.postdesk.tickets.TicketNumber;

/** What a new ticket starts with. */
public record NewTicket(TicketNumber number, long mailboxId, String subject, String requester, String requesterName,
                        String locale, Long linkedTicketId, Instant createdAt) {
}
