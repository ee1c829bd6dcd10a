package org.postdesk.store;

import java.time.Instant;

/**
 * What the worker knows about a mailbox: the IMAP cursor and its health.
 *
 * @param uidValidity null until the folder was first opened
 * @param lastUid the highest UID stored under {@code uidValidity}; 0 before the first
 * @param state e.g. NEW, CONNECTED, IDLE, POLLING, ERROR, STOPPED (written by the worker)
 * @param lastOkAt the last report without an error; null if never
 * @param errorSince when the current run of ERROR reports began; null when not in ERROR
 */
public record MailboxState(long mailboxId, Long uidValidity, long lastUid, String state, String lastError,
                           Instant lastOkAt, Instant updatedAt, Instant errorSince) {
    public static final String NEW = "NEW";

    /** The state of a mailbox no worker has reported on yet. */
    public static MailboxState fresh(long mailboxId) {
        return new MailboxState(mailboxId, null, 0, NEW, null, null, null, null);
    }
}
