package org.postdesk.store;

import java.io.IOException;
import java.io.InputStream;

/**
 * A value written from a stream, e.g. a message source spooled to a temporary file: the store reads it one
 * chunk at a time ({@link ContentChunks}), so it is never whole in the heap.
 */
public record StreamedValue(long length, Opener opener) {

    /** Opens a fresh stream over the whole value; the store closes it. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }
}
