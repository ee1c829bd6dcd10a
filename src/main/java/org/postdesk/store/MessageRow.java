package org.postdesk.store;

import java.time.Instant;

/** A stored message without its raw source. */
public record MessageRow(long id, long ticketId, NewMessage.Direction direction, String kind, String messageId,
                         String inReplyTo, String refs, String fromAddr, String fromName, String toAddrs,
                         String ccAddrs, String subject, Instant sentAt, Instant storedAt, String bodyText,
                         String parseNote) {
}
