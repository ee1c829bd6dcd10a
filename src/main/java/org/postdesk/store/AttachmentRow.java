package org.postdesk.store;

/** An attachment as listed with its message (content not loaded). */
public record AttachmentRow(long id, long messageId, String filename, String contentType, long size,
                            String droppedReason) {
}
