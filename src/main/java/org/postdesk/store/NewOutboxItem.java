package org.postdesk.store;

import java.time.Instant;
import java.util.List;

/** An outbound mail to queue in the caller's transaction. */
public record NewOutboxItem(long mailboxId, Long ticketId, String kind, String messageId, String sender,
                            List<String> recipients, byte[] raw, Instant createdAt) {

    public NewOutboxItem {
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("outbox " + kind + " " + messageId + ": no recipients");
        }
    }
}
