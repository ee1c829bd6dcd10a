package org.postdesk.mail;

import java.util.Objects;

/**
 * One attached (or inline) file. When the parser dropped it for its size, {@code content} is null and
 * {@code droppedReason} says why ("exceeds limit of N bytes"); otherwise {@code droppedReason} is null.
 * {@code size} is always the decoded size in bytes.
 *
 * <p>The content array is not copied on access: treat it as read-only.
 */
public record Attachment(String filename, String contentType, long size, byte[] content, String droppedReason) {

    public Attachment {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(contentType, "contentType");
        if (size < 0) {
            throw new IllegalArgumentException("negative attachment size " + size + " for " + filename);
        }
        if ((content == null) == (droppedReason == null)) {
            throw new IllegalArgumentException(
                    "attachment " + filename + " needs exactly one of content and droppedReason");
        }
    }

    /** A kept attachment; size is the content length. */
    public static Attachment of(String filename, String contentType, byte[] content) {
        return new Attachment(filename, contentType, content.length, content, null);
    }

    /** True when the content was dropped (see {@link #droppedReason()}). */
    public boolean dropped() {
        return content == null;
    }
}
