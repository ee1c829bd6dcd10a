package org.postdesk.mail;

import java.util.List;

/**
 * A composed mail whose stored attachments are not in {@code raw}: each {@link Splice} says where the
 * base64 body of one goes (76-character lines joined by CRLF, no line end after the last, as
 * {@link java.util.Base64#getMimeEncoder()} writes it). With no splices, {@code raw} is the whole mail.
 */
public record ComposedMail(byte[] raw, List<Splice> splices) {
    public ComposedMail {
        splices = List.copyOf(splices);
    }

    /** The base64 body of stored attachment {@code attachmentId} goes before byte {@code offset} of raw. */
    public record Splice(long offset, long attachmentId) {
    }
}
