package org.postdesk.store;

import java.time.Instant;

/** One failure to store a message: which one (mailbox, SHA-256 of its raw source, UID, Message-ID) and how. */
public record NewFailure(long mailboxId, String rawHash, Long uid, String messageId, String signature, String error,
                         Instant at) {
}
