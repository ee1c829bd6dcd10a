package org.postdesk.store;

import java.time.Instant;
import java.util.List;

/** One outbound mail, complete with its MIME bytes, so every attempt sends the very same message. */
public record OutboxItem(long id, long mailboxId, Long ticketId, String kind, String messageId, String sender,
                         List<String> recipients, byte[] raw, String status, int attempts, Instant nextAttemptAt,
                         String lastError, Instant createdAt, Instant sentAt) {

    public OutboxItem {
        recipients = List.copyOf(recipients);
    }
}
