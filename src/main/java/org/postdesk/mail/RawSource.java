package org.postdesk.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The source of one message exactly as received, or the decoded content of one attachment: in memory when it is
 * small, in a temporary file ({@link ScratchFiles}, owner-only, deleted on {@link #close()}) when it is larger
 * than {@value #IN_MEMORY_BYTES} bytes, so that a 40 MB mail or file is never one array in the heap on its way
 * from IMAP through the parser to the store.
 *
 * <p>{@link #spool} counts the bytes while it copies and stops reading at a limit: the cap on a message's size
 * holds also when the server under-reports it (RFC822.SIZE is only what the server says).
 */
public final class RawSource implements AutoCloseable {
    /** Sources up to this size stay in the heap: a temporary file per small mail would only cost time. */
    public static final int IN_MEMORY_BYTES = 256 * 1024;

    private final byte[] bytes;
    private final Path file;
    private final long length;

    private RawSource(byte[] bytes, Path file, long length) {
        this.bytes = bytes;
        this.file = file;
        this.length = length;
    }

    /** A source held in memory (tests, stubs, small messages); the array is kept, not copied. */
    public static RawSource of(byte[] bytes) {
        return new RawSource(Objects.requireNonNull(bytes, "bytes"), null, bytes.length);
    }

    /**
     * Copies {@code in} (not closed here) into memory or, past {@value #IN_MEMORY_BYTES} bytes, into a temporary
     * file; reads at most {@code maxBytes} + 1 bytes.
     *
     * @throws TooLargeException when the stream holds more than {@code maxBytes} (what was read is deleted)
     */
    public static RawSource spool(InputStream in, long maxBytes) throws IOException {
        if (maxBytes < 0 || maxBytes == Long.MAX_VALUE) {
            throw new IllegalArgumentException("maxBytes must be between 0 and Long.MAX_VALUE - 1, was " + maxBytes);
        }
        try (Sink sink = sink(maxBytes)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            // One byte past the limit is asked for, so that a longer stream is told from one of exactly the limit.
            while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, maxBytes - sink.count + 1))) > 0) {
                sink.write(buffer, 0, n);
            }
            return sink.finish();
        }
    }

    /** Where a message is written to become a source ({@link Sink#finish()}); holds at most {@code maxBytes}. */
    public static Sink sink(long maxBytes) {
        return new Sink(maxBytes);
    }

    /**
     * An output stream that counts what it is given, keeps it in memory up to {@value #IN_MEMORY_BYTES} bytes and
     * in a temporary file beyond, and refuses the byte past its limit with a {@link TooLargeException} (a writer
     * such as {@code IMAPMessage.writeTo} then stops reading from the server). Closing it without
     * {@link #finish()} deletes what it wrote.
     */
    public static final class Sink extends OutputStream {
        private final long maxBytes;
        private ByteArrayOutputStream head = new ByteArrayOutputStream(8192);
        private OutputStream out = head;
        private Path file;
        private long count;
        private boolean finished;

        private Sink(long maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (count + len > maxBytes) {
                throw new TooLargeException(maxBytes);
            }
            count += len;
            if (file == null && count > IN_MEMORY_BYTES) {
                file = ScratchFiles.createFile("spool-", ".bin"); // rw------- on POSIX
                out = Files.newOutputStream(file);
                head.writeTo(out);
                head = null;
            }
            out.write(b, off, len);
        }

        /** How many bytes were written so far. */
        public long count() {
            return count;
        }

        /** The source written; the sink's file now belongs to it. */
        public RawSource finish() throws IOException {
            finished = true;
            if (file == null) {
                return of(head.toByteArray());
            }
            out.close();
            return new RawSource(null, file, count);
        }

        @Override
        public void close() throws IOException {
            if (!finished && file != null) {
                out.close();
                Files.deleteIfExists(file);
            }
        }
    }

    /** The exact number of bytes. */
    public long length() {
        return length;
    }

    /** Whether the bytes are in the heap ({@link #bytes()} then costs no copy). */
    public boolean inMemory() {
        return bytes != null;
    }

    /** A fresh stream over the whole source; the caller closes it. */
    public InputStream open() throws IOException {
        return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
    }

    /**
     * The whole source as one array. Only for callers that need an array and know the source is small, or that
     * would read it whole anyway; the array of an in-memory source is returned itself (treat it as read-only).
     */
    public byte[] bytes() {
        if (bytes != null) {
            return bytes;
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the spooled message source " + file + " failed", e);
        }
    }

    /** The first {@code max} bytes (all of them when shorter). */
    public byte[] head(int max) {
        if (bytes != null) {
            return bytes.length <= max ? bytes : Arrays.copyOf(bytes, max);
        }
        try (InputStream in = open()) {
            return in.readNBytes(max);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the spooled message source " + file + " failed", e);
        }
    }

    /** Deletes the temporary file, if any; the source cannot be read afterwards. */
    @Override
    public void close() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A leftover file: removed with this process's directory at exit, or by the next daemon start.
            }
        }
    }

    @Override
    public String toString() {
        return "RawSource[" + length + " bytes" + (file == null ? " in memory" : " in " + file) + "]";
    }

    /** The message source is longer than the limit it was read with. */
    public static final class TooLargeException extends IOException {
        private final long limit;

        TooLargeException(long limit) {
            super("the message source is longer than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }
}
