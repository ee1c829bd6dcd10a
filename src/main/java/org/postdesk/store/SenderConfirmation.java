package org.postdesk.store;

import java.time.Instant;

/**
 * An agent reply held until its sender confirms it (issue 9): the token verified but nothing proved who
 * sent the mail.
 *
 * @param messageId the stored agent mail (a NOTE)
 * @param notificationId the notification the reply answered
 * @param body the reply as the extractor kept it, commands included
 * @param evidence why the sender was not proven, for the audit
 * @param status {@code HELD}, then {@code SENT} when confirmed or {@code EXPIRED}
 */
public record SenderConfirmation(long id, long ticketId, long agentId, long messageId, long notificationId,
                                 String body, String evidence, String status, Instant createdAt, Instant expiresAt) {
    public static final String HELD = "HELD";
    public static final String SENT = "SENT";
    public static final String EXPIRED = "EXPIRED";
}
