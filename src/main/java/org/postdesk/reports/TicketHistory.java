package org.postdesk.reports;

import java.time.Instant;
import java.util.List;

/**
 * What the fact of one ticket is computed from: its row, its conversation and its status changes, in the
 * order they happened. {@code closedAt} is the ticket's last close (null when it is not closed).
 */
public record TicketHistory(long ticketId, long mailboxId, String requester, String category, String priority,
                            String status, boolean merged, Long ownerAgentId, Instant createdAt, Instant closedAt,
                            List<Mail> mails, List<StatusChange> changes) {
    public TicketHistory {
        mails = List.copyOf(mails);
        changes = List.copyOf(changes);
    }

    /** One message of the conversation: a customer's ({@code fromCustomer}) or an agent reply relayed to them. */
    public record Mail(Instant at, boolean fromCustomer, Long agentId) {
    }

    /** A status change {@code from -> to}; {@code agentId} is the agent who made it, null for anyone else. */
    public record StatusChange(Instant at, String from, String to, Long agentId) {
    }
}
