package org.postdesk.store;

import java.time.Instant;

/**
 * One mail sent to an agent about a ticket; its {@code id} is the notification id of the reply token.
 *
 * @param seenMessageId the ticket's latest conversation message at send time; 0 when it had none
 * @param heldReplyId the held reply a "held" or "stale" notice is about; null for other kinds
 */
public record Notification(long id, long ticketId, long agentId, String kind, long seenMessageId, Long heldReplyId,
                           Instant sentAt) {
}
