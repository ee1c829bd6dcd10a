package org.postdesk.store;

import java.time.Instant;

/** A mailbox's mail waiting in the outbox: how many, and since when the oldest (null when none). */
public record OutboxBacklog(long mailboxId, String mailbox, int pending, Instant oldestPendingSince) {
}
