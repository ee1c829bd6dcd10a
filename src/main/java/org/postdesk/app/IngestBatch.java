package org.postdesk.app;

import java.util.List;
import org.postdesk.mail.InboundMessage;
import org.postdesk.mail.RawSource;

/**
 * The values of a group commit ({@link IngestService#ingestBatch}): the messages given, and what became of them.
 */
public final class IngestBatch {
    private IngestBatch() {
    }

    /**
     * One message of a batch: its IMAP {@code uid}, its source (the caller closes it), where the cursor moves
     * with it ({@code null}: it stays, a message below the cursor read again after a crash), and the source already
     * parsed by {@link IngestService#parseAhead} on another thread ({@code null}: parsed here; the caller closes its
     * attachments).
     */
    public record Item(Long uid, RawSource raw, IngestService.Cursor cursor, InboundMessage parsed) {
        public Item(Long uid, RawSource raw, IngestService.Cursor cursor) {
            this(uid, raw, cursor, null);
        }
    }

    /**
     * The first {@code committed} messages are stored, in one transaction that also moved the cursor to the last of
     * them; {@code failed} is null when that is all of them. Else the message after them failed, and is not stored:
     * the caller takes it through the per-message path ({@link IngestService#ingestAfter}) and hands the rest in
     * again.
     */
    public record Outcome(int committed, List<IngestResult> results, Failure failed) {
        public Outcome {
            results = List.copyOf(results);
        }
    }

    /**
     * Why the message failed: {@code error}, thrown while storing it in the batch's transaction ({@code inTransaction})
     * or while preparing it before (parsing, the proof of an agent's sender).
     */
    public record Failure(Throwable error, boolean inTransaction) {
    }
}
