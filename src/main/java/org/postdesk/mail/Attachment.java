package org.postdesk.mail;

import java.util.Objects;

/**
 * One attached (or inline) file. When the parser dropped it for its size, {@code content} is null and
 * {@code droppedReason} says why ("exceeds limit of N bytes"); otherwise {@code droppedReason} is null.
 * {@code size} is always the decoded size in bytes.
 *
 * <p>{@code filename} is always safe to show ({@link SafeFileName}): every attachment, parsed or composed,
 * passes through this constructor. {@code originalFilename} is the name as the mail gave it when that
 * differed (kept for the audit), else null.
 *
 * <p>The content is a {@link RawSource}: a small file in the heap, a large one in a temporary file, read as a
 * stream ({@link RawSource#open()}), so a 20 MB attachment is never one array in the heap. Whoever parsed the
 * message closes it once the message is stored ({@link InboundMessage#closeAttachments()}).
 */
public record Attachment(String filename, String contentType, long size, RawSource content, String droppedReason,
                         String originalFilename) {

    public Attachment {
        Objects.requireNonNull(filename, "filename");
        String safe = SafeFileName.of(filename);
        if (originalFilename == null && !safe.equals(filename)) {
            originalFilename = filename;
        }
        filename = safe;
        Objects.requireNonNull(contentType, "contentType");
        if (size < 0) {
            throw new IllegalArgumentException("negative attachment size " + size + " for " + filename);
        }
        if ((content == null) == (droppedReason == null)) {
            throw new IllegalArgumentException(
                    "attachment " + filename + " needs exactly one of content and droppedReason");
        }
    }

    /** An attachment named {@code filename} as the mail gave it. */
    public Attachment(String filename, String contentType, long size, RawSource content, String droppedReason) {
        this(filename, contentType, size, content, droppedReason, null);
    }

    /** A kept attachment held in the heap (a composed file, a test); size is the content length. */
    public static Attachment of(String filename, String contentType, byte[] content) {
        return of(filename, contentType, RawSource.of(content));
    }

    /** A kept attachment; size is the content length. */
    public static Attachment of(String filename, String contentType, RawSource content) {
        return new Attachment(filename, contentType, content.length(), content, null);
    }

    /** True when the content was dropped (see {@link #droppedReason()}). */
    public boolean dropped() {
        return content == null;
    }
}
