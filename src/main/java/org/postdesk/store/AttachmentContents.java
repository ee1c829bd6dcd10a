package org.postdesk.store;

import static org.postdesk.store.db.Tables.ATTACHMENT;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Enumeration;
import java.io.OutputStream;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * Reads a stored attachment's content for sending: {@link #copy} writes it one 1 MiB chunk at a time, each
 * read in a short transaction of its own, so a 20 MB file sent to five agents is never whole in the heap
 * and no transaction stays open while the SMTP server takes the bytes. Attachment rows never change once
 * written, so every read gives the same bytes.
 */
public final class AttachmentContents {
    private final Database db;

    public AttachmentContents(Database db) {
        this.db = db;
    }

    /**
     * Writes the content of attachment {@code attachmentId} to {@code out}.
     *
     * @throws IllegalStateException when the attachment is gone or was dropped (it has no content to send)
     */
    public void copy(long attachmentId, OutputStream out) throws IOException {
        Head head = db.inTransaction(tx -> {
            Record2<byte[], String> row = tx.select(ATTACHMENT.CONTENT, ATTACHMENT.DROPPED_REASON).from(ATTACHMENT)
                    .where(ATTACHMENT.ID.eq(attachmentId)).fetchOne();
            if (row == null || row.value2() != null) {
                throw new IllegalStateException("attachment id " + attachmentId + (row == null
                        ? " no longer exists" : " was not kept (" + row.value2() + ")")
                        + ": the mail that carries it cannot be sent");
            }
            return new Head(row.value1(), row.value1() != null ? 0 : new ContentChunks(tx).attachmentChunks(attachmentId));
        });
        if (head.inline() != null) {
            out.write(head.inline());
            return;
        }
        for (int seq = 0; seq < head.chunks(); seq++) {
            int n = seq;
            byte[] chunk = db.inTransaction(tx -> new ContentChunks(tx).attachmentChunk(attachmentId, n));
            if (chunk == null) {
                throw new IllegalStateException("attachment id " + attachmentId + ": chunk " + n + " of "
                        + head.chunks() + " is missing");
            }
            out.write(chunk);
        }
    }


    /**
     * The content as a stream that reads one chunk at a time in {@code tx} (the row's own value when it is small):
     * a large attachment is never whole in the heap. Empty when the attachment is gone or was dropped.
     */
    public static Optional<InputStream> stream(DSLContext tx, long attachmentId) {
        Optional<Record2<byte[], String>> row = tx.select(ATTACHMENT.CONTENT, ATTACHMENT.DROPPED_REASON).from(ATTACHMENT)
                .where(ATTACHMENT.ID.eq(attachmentId)).fetchOptional();
        if (row.isEmpty() || row.get().value2() != null) {
            return Optional.empty();
        }
        if (row.get().value1() != null) {
            return Optional.of(new ByteArrayInputStream(row.get().value1()));
        }
        ContentChunks chunks = new ContentChunks(tx);
        return Optional.of(new SequenceInputStream(new Enumeration<InputStream>() {
            private int seq;
            private byte[] next = chunks.attachmentChunk(attachmentId, 0);

            @Override
            public boolean hasMoreElements() {
                return next != null;
            }

            @Override
            public InputStream nextElement() {
                InputStream current = new ByteArrayInputStream(next);
                next = chunks.attachmentChunk(attachmentId, ++seq);
                return current;
            }
        }));
    }

    /** The content kept in the row itself, or else how many chunks hold it. */
    private record Head(byte[] inline, int chunks) {
    }
}
