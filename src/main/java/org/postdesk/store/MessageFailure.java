package org.postdesk.store;

import java.time.Instant;

/**
 * A message a mailbox worker failed to store (not an outage): how often, how ({@code signature}, the last
 * error), and, once quarantined, when and on which ticket ({@code ticketNumber} null without one).
 */
public record MessageFailure(long id, long mailboxId, String rawHash, Long uid, String messageId, String signature,
                             int attempts, int sameWay, String lastError, Instant firstFailedAt,
                             Instant lastFailedAt, Instant quarantinedAt, Long ticketId, Long ticketNumber) {

    public boolean quarantined() {
        return quarantinedAt != null;
    }
}
