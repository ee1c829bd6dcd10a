package org.postdesk.store;

import java.time.Instant;
import java.util.List;

/**
 * An outbound mail to queue in the caller's transaction. {@code splices} are the stored attachments whose
 * base64 goes into {@code raw} at send time (empty when {@code raw} is the whole mail).
 */
public record NewOutboxItem(long mailboxId, Long ticketId, String kind, String messageId, String sender,
                            List<String> recipients, byte[] raw, Instant createdAt, List<OutboxSplice> splices) {

    /** A mail whose raw bytes are complete. */
    public NewOutboxItem(long mailboxId, Long ticketId, String kind, String messageId, String sender,
                         List<String> recipients, byte[] raw, Instant createdAt) {
        this(mailboxId, ticketId, kind, messageId, sender, recipients, raw, createdAt, List.of());
    }

    public NewOutboxItem {
        recipients = List.copyOf(recipients);
        splices = List.copyOf(splices);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("outbox " + kind + " " + messageId + ": no recipients");
        }
    }
}
