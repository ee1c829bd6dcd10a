package org.postdesk.store;

import static org.postdesk.store.db.Tables.ATTACHMENT_CHUNK;
import static org.postdesk.store.db.Tables.MESSAGE_RAW_CHUNK;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Large values (raw messages, attachment contents) stored as 1 MiB rows instead of one huge one: H2 writes
 * a row in one buffer, and a 40 MB row needed a 60 MB buffer on top of the value itself, enough to exhaust
 * a 256 MB heap (H2 then closes the database). Chunks keep every write small on H2 and PostgreSQL alike.
 */
final class ContentChunks {
    /** Values up to this size stay in their row. */
    static final int CHUNK = 1 << 20;

    private final DSLContext dsl;

    ContentChunks(DSLContext dsl) {
        this.dsl = dsl;
    }

    static boolean chunked(byte[] value) {
        return value != null && value.length > CHUNK;
    }

    void writeRaw(long messageId, byte[] value) {
        for (int seq = 0; seq * (long) CHUNK < value.length; seq++) {
            dsl.insertInto(MESSAGE_RAW_CHUNK).set(MESSAGE_RAW_CHUNK.MESSAGE_ID, messageId)
                    .set(MESSAGE_RAW_CHUNK.SEQ, seq).set(MESSAGE_RAW_CHUNK.BYTES, slice(value, seq)).execute();
        }
    }

    /**
     * Writes a streamed value one {@value #CHUNK}-byte chunk at a time: only one chunk is in the heap.
     *
     * @throws java.io.UncheckedIOException when the stream cannot be read (the transaction then rolls back)
     */
    void writeRaw(long messageId, StreamedValue value) {
        write(value, "message id " + messageId, (seq, chunk) -> dsl.insertInto(MESSAGE_RAW_CHUNK)
                .set(MESSAGE_RAW_CHUNK.MESSAGE_ID, messageId).set(MESSAGE_RAW_CHUNK.SEQ, seq)
                .set(MESSAGE_RAW_CHUNK.BYTES, chunk).execute());
    }

    /** As {@link #writeRaw(long, StreamedValue)} for an attachment's decoded content. */
    void writeAttachment(long attachmentId, StreamedValue value) {
        write(value, "attachment id " + attachmentId, (seq, chunk) -> dsl.insertInto(ATTACHMENT_CHUNK)
                .set(ATTACHMENT_CHUNK.ATTACHMENT_ID, attachmentId).set(ATTACHMENT_CHUNK.SEQ, seq)
                .set(ATTACHMENT_CHUNK.BYTES, chunk).execute());
    }

    private static void write(StreamedValue value, String what, ChunkWriter writer) {
        try (InputStream in = value.opener().open()) {
            long written = 0;
            for (int seq = 0; ; seq++) {
                byte[] chunk = in.readNBytes(CHUNK);
                if (chunk.length == 0) {
                    break;
                }
                writer.write(seq, chunk);
                written += chunk.length;
            }
            if (written != value.length()) {
                throw new IllegalStateException(what + ": the stream gave " + written + " bytes, " + value.length()
                        + " were expected");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": reading its content to store it failed", e);
        }
    }

    @FunctionalInterface
    private interface ChunkWriter {
        void write(int seq, byte[] chunk);
    }

    /** The whole of a streamed value no larger than a chunk. */
    static byte[] small(StreamedValue value) {
        try (InputStream in = value.opener().open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a value to store it failed", e);
        }
    }

    /** The raw message from its chunks; null when it has none. */
    byte[] raw(long messageId) {
        return join(dsl.select(MESSAGE_RAW_CHUNK.BYTES).from(MESSAGE_RAW_CHUNK)
                .where(MESSAGE_RAW_CHUNK.MESSAGE_ID.eq(messageId)).orderBy(MESSAGE_RAW_CHUNK.SEQ)
                .fetch(MESSAGE_RAW_CHUNK.BYTES));
    }

    /** How many chunks the attachment content has (0 when it is kept in its row). */
    int attachmentChunks(long attachmentId) {
        return dsl.fetchCount(ATTACHMENT_CHUNK, ATTACHMENT_CHUNK.ATTACHMENT_ID.eq(attachmentId));
    }

    /** Chunk {@code seq} of the attachment content; null when there is no such chunk. */
    byte[] attachmentChunk(long attachmentId, int seq) {
        return dsl.select(ATTACHMENT_CHUNK.BYTES).from(ATTACHMENT_CHUNK)
                .where(ATTACHMENT_CHUNK.ATTACHMENT_ID.eq(attachmentId).and(ATTACHMENT_CHUNK.SEQ.eq(seq)))
                .fetchOne(ATTACHMENT_CHUNK.BYTES);
    }

    private static byte[] slice(byte[] value, int seq) {
        int from = seq * CHUNK;
        return Arrays.copyOfRange(value, from, Math.min(value.length, from + CHUNK));
    }

    /** One array of the exact size: a 40 MB value is not built in a buffer and then copied again. */
    private static byte[] join(List<byte[]> chunks) {
        if (chunks.isEmpty()) {
            return null;
        }
        byte[] value = new byte[chunks.stream().mapToInt(c -> c.length).sum()];
        int at = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, value, at, chunk.length);
            at += chunk.length;
        }
        return value;
    }
}
