package org.postdesk.store;

/** An attachment; {@code content} is null when it was dropped, and {@code droppedReason} says why. */
public record StoredAttachment(String filename, String contentType, long size, byte[] content, String droppedReason) {
}
