package org.postdesk.store;

/**
 * An attachment; {@code content} is null when it was dropped, and {@code droppedReason} says why. The content is
 * a stream the store reads one chunk at a time ({@link StreamedValue}), so a large file is never whole in the heap.
 * {@code originalFilename} is the name as the mail gave it when {@code filename} had to be made safe, else null.
 */
public record StoredAttachment(String filename, String contentType, long size, StreamedValue content, String droppedReason,
                               String originalFilename) {

    public StoredAttachment(String filename, String contentType, long size, StreamedValue content, String droppedReason) {
        this(filename, contentType, size, content, droppedReason, null);
    }
}
