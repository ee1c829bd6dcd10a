package org.postdesk.store;

import java.time.Instant;

/**
 * A message to store. {@code dedupeKey} is the Message-ID or a content hash; a second insert with the
 * same key is refused, which is what makes re-reading a mailbox harmless.
 */
public record NewMessage(long ticketId, Long mailboxId, Direction direction, String kind, String dedupeKey,
                         String messageId, String inReplyTo, String refs, String fromAddr, String fromName,
                         String toAddrs, String ccAddrs, String subject, Instant sentAt, Instant storedAt,
                         String bodyText, String bodyHtml, byte[] raw, String parseNote, Long imapUid) {

    public enum Direction { IN, OUT, NOTE }
}
