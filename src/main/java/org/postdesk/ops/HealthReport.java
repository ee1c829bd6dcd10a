package org.postdesk.ops;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /health} answers, as JSON. {@code status} is UP or DOWN; DOWN (HTTP 503) names every reason in
 * {@code problems}.
 */
public record HealthReport(String status, Instant checkedAt, String store, List<MailboxHealth> mailboxes,
                           OutboxHealth outbox, List<String> problems) {
    public HealthReport {
        mailboxes = List.copyOf(mailboxes);
        problems = List.copyOf(problems);
    }

    public boolean up() {
        return problems.isEmpty();
    }

    /** One mailbox: what its worker last reported, and which daemon watches it. */
    public record MailboxHealth(String name, boolean enabled, String state, Instant errorSince, String lastError,
                                Instant lastOkAt, String watchedBy) {
    }

    /** Mail waiting to be sent, over all mailboxes and per mailbox. */
    public record OutboxHealth(int pending, long oldestPendingAgeSeconds, long maxAgeSeconds,
                               List<MailboxOutbox> mailboxes) {
        public OutboxHealth {
            mailboxes = List.copyOf(mailboxes);
        }
    }

    /** A mailbox's share of the outbox. */
    public record MailboxOutbox(String name, int pending, long oldestPendingAgeSeconds) {
    }
}
