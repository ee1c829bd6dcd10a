package org.postdesk.store;

import java.time.Instant;

/**
 * A reply kept back from the customer.
 *
 * @param reason {@code OWNER} (another agent holds the ticket), {@code STALE} (the customer wrote since) or
 *     {@code UNSURE} (text below the quote that may be an inline answer or a footer: the agent confirms)
 * @param status {@code HELD} until {@code #send} relays it, then {@code SENT}
 * @param messageId the stored agent mail (a NOTE) whose attachments go with it
 */
public record HeldReply(long id, long ticketId, long agentId, long messageId, String reason, String status,
                        String body, Instant createdAt, Instant resolvedAt) {
    public static final String OWNER = "OWNER";
    public static final String STALE = "STALE";
    public static final String UNSURE = "UNSURE";
    public static final String HELD = "HELD";
    public static final String SENT = "SENT";
}
