package org.postdesk.tickets.agent;

/**
 * What a reply token proves: the reply answers notification {@code notificationId}, sent to agent
 * {@code agentId} about ticket {@code ticketId}. All three are store ids and must be positive.
 */
public record ReplyToken(long ticketId, long agentId, long notificationId) {
    public ReplyToken {
        requirePositive("ticketId", ticketId);
        requirePositive("agentId", agentId);
        requirePositive("notificationId", notificationId);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
