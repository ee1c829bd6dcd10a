package org.postdesk.store;

/** The outcome of {@link MailboxRepository#remove}: a mailbox with tickets or mail in the outbox is kept. */
public enum MailboxRemoval {
    REMOVED,
    NOT_FOUND,
    /** Tickets or outbox rows refer to it; disable it instead, which keeps its history. */
    IN_USE
}
