package org.postdesk.store;

import java.time.Instant;

/**
 * A satisfaction survey as stored: sent to {@code customer} after ticket {@code ticketId} closed, on {@code scale}
 * ({@code 5} or {@code good-bad}); {@code ratedAt}, {@code rating} and {@code comment} are null until answered.
 */
public record Survey(long id, long ticketId, long mailboxId, String customer, String scale, String messageId,
                     Instant sentAt, Integer rating, Instant ratedAt, String comment) {
}
