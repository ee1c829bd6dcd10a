package org.postdesk.store;

/**
 * Where a stored attachment's base64 body goes into an outbox row's raw bytes: before the byte at
 * {@code offset} (offsets of the raw as stored, in ascending order).
 */
public record OutboxSplice(long offset, long attachmentId) {
    public OutboxSplice {
        if (offset < 0) {
            throw new IllegalArgumentException("negative splice offset " + offset + " for attachment " + attachmentId);
        }
    }
}
