package org.postdesk.mail;

import java.util.Objects;

/**
 * An attachment already in the store, by its row id: an outbound mail that carries it is composed with a
 * place for its base64 body, which the outbox sender reads from the store when it sends (so the file is
 * stored once, not copied into every notification's outbox row). {@code filename} is made safe to show
 * as for {@link Attachment}.
 */
public record AttachmentRef(long id, String filename, String contentType, long size) {
    public AttachmentRef {
        filename = SafeFileName.of(Objects.requireNonNull(filename, "filename"));
        Objects.requireNonNull(contentType, "contentType");
        if (size < 0) {
            throw new IllegalArgumentException("negative attachment size " + size + " for " + filename);
        }
    }
}
