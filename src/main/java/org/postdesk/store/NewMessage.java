package org.postdesk.store;

import java.time.Instant;

/**
 * A message to store. {@code dedupeKey} is the Message-ID or a content hash; a second insert with the
 * same key is refused, which is what makes re-reading a mailbox harmless. The source is {@code raw} or, for an
 * inbound message that may be large, {@code rawStream} (then {@code raw} is null): written in chunks from the
 * stream. {@code contentFingerprint} is that
 * of an inbound message (issue 15 dedupe), null for the rest.
 */
public record NewMessage(long ticketId, Long mailboxId, Direction direction, String kind, String dedupeKey,
                         String messageId, String inReplyTo, String refs, String fromAddr, String fromName,
                         String toAddrs, String ccAddrs, String subject, Instant sentAt, Instant storedAt,
                         String bodyText, String bodyHtml, byte[] raw, String parseNote, Long imapUid,
                         String contentFingerprint, StreamedValue rawStream) {

    /** A message whose source is {@code raw}, in memory. */
    public NewMessage(long ticketId, Long mailboxId, Direction direction, String kind, String dedupeKey,
                      String messageId, String inReplyTo, String refs, String fromAddr, String fromName,
                      String toAddrs, String ccAddrs, String subject, Instant sentAt, Instant storedAt,
                      String bodyText, String bodyHtml, byte[] raw, String parseNote, Long imapUid,
                      String contentFingerprint) {
        this(ticketId, mailboxId, direction, kind, dedupeKey, messageId, inReplyTo, refs, fromAddr, fromName, toAddrs,
                ccAddrs, subject, sentAt, storedAt, bodyText, bodyHtml, raw, parseNote, imapUid, contentFingerprint,
                null);
    }

    /** A message without content fingerprint: outbound mail and notes. */
    public NewMessage(long ticketId, Long mailboxId, Direction direction, String kind, String dedupeKey,
                      String messageId, String inReplyTo, String refs, String fromAddr, String fromName,
                      String toAddrs, String ccAddrs, String subject, Instant sentAt, Instant storedAt,
                      String bodyText, String bodyHtml, byte[] raw, String parseNote, Long imapUid) {
        this(ticketId, mailboxId, direction, kind, dedupeKey, messageId, inReplyTo, refs, fromAddr, fromName, toAddrs,
                ccAddrs, subject, sentAt, storedAt, bodyText, bodyHtml, raw, parseNote, imapUid, null);
    }

    public enum Direction { IN, OUT, NOTE }
}
