package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.MESSAGE_FAILURE;
import static org.postdesk.store.db.Tables.TICKET;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The failure count of messages a worker could not store, kept in the store so that it survives a restart,
 * and the quarantined ones, for {@code mailbox show} (docs/ARCHITECTURE.md, "Bad mail").
 */
public final class MessageFailureRepository {
    /** Longest signature and error kept: enough to recognise the failure, not a whole stack trace. */
    private static final int MAX_SIGNATURE = 2000;
    private static final int MAX_ERROR = 4000;
    private final DSLContext dsl;

    public MessageFailureRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Counts one more failure of the message and returns its row: {@code sameWay} goes up when the signature is
     * the last one's, else starts at 1 again. One worker reads a mailbox at a time, so no two callers race on a row.
     */
    public MessageFailure record(NewFailure f) {
        String signature = fit(f.signature(), MAX_SIGNATURE);
        String error = fit(f.error(), MAX_ERROR);
        Optional<MessageFailure> before = find(f.mailboxId(), f.rawHash());
        if (before.isEmpty()) {
            dsl.insertInto(MESSAGE_FAILURE)
                    .set(MESSAGE_FAILURE.MAILBOX_ID, f.mailboxId())
                    .set(MESSAGE_FAILURE.RAW_HASH, f.rawHash())
                    .set(MESSAGE_FAILURE.IMAP_UID, f.uid())
                    .set(MESSAGE_FAILURE.MESSAGE_ID, fit(f.messageId(), 998))
                    .set(MESSAGE_FAILURE.SIGNATURE, signature)
                    .set(MESSAGE_FAILURE.ATTEMPTS, 1)
                    .set(MESSAGE_FAILURE.SAME_WAY, 1)
                    .set(MESSAGE_FAILURE.LAST_ERROR, error)
                    .set(MESSAGE_FAILURE.FIRST_FAILED_AT, toDb(f.at()))
                    .set(MESSAGE_FAILURE.LAST_FAILED_AT, toDb(f.at()))
                    .execute();
        } else {
            boolean same = before.get().signature().equals(signature);
            dsl.update(MESSAGE_FAILURE)
                    .set(MESSAGE_FAILURE.IMAP_UID, f.uid())
                    .set(MESSAGE_FAILURE.SIGNATURE, signature)
                    .set(MESSAGE_FAILURE.ATTEMPTS, MESSAGE_FAILURE.ATTEMPTS.plus(1))
                    .set(MESSAGE_FAILURE.SAME_WAY, same ? MESSAGE_FAILURE.SAME_WAY.plus(1) : DSL.val(1))
                    .set(MESSAGE_FAILURE.LAST_ERROR, error)
                    .set(MESSAGE_FAILURE.LAST_FAILED_AT, toDb(f.at()))
                    .where(MESSAGE_FAILURE.ID.eq(before.get().id()))
                    .execute();
        }
        return find(f.mailboxId(), f.rawHash()).orElseThrow();
    }

    public Optional<MessageFailure> find(long mailboxId, String rawHash) {
        return select(MESSAGE_FAILURE.MAILBOX_ID.eq(mailboxId).and(MESSAGE_FAILURE.RAW_HASH.eq(rawHash)), 1)
                .stream().findFirst();
    }

    /** Marks the failure quarantined, on {@code ticketIdOrNull}; in the transaction that stored the ticket. */
    public void quarantine(long failureId, Long ticketIdOrNull, Instant at) {
        dsl.update(MESSAGE_FAILURE)
                .set(MESSAGE_FAILURE.QUARANTINED_AT, toDb(at))
                .set(MESSAGE_FAILURE.TICKET_ID, ticketIdOrNull)
                .where(MESSAGE_FAILURE.ID.eq(failureId))
                .execute();
    }

    /** The mailbox's quarantined messages, newest first, at most {@code limit}. */
    public List<MessageFailure> quarantined(long mailboxId, int limit) {
        return select(MESSAGE_FAILURE.MAILBOX_ID.eq(mailboxId).and(MESSAGE_FAILURE.QUARANTINED_AT.isNotNull()), limit);
    }

    /** The mailbox's failed messages, quarantined or not, newest first, at most {@code limit}. */
    public List<MessageFailure> list(long mailboxId, int limit) {
        return select(MESSAGE_FAILURE.MAILBOX_ID.eq(mailboxId), limit);
    }

    /** How many of the mailbox's messages are quarantined, and how many failed but are still retried. */
    public Counts counts(long mailboxId) {
        Record r = dsl.select(
                        DSL.count().filterWhere(MESSAGE_FAILURE.QUARANTINED_AT.isNotNull()),
                        DSL.count().filterWhere(MESSAGE_FAILURE.QUARANTINED_AT.isNull()))
                .from(MESSAGE_FAILURE).where(MESSAGE_FAILURE.MAILBOX_ID.eq(mailboxId)).fetchOne();
        return new Counts(r.get(0, Integer.class), r.get(1, Integer.class));
    }

    /** Quarantined messages, and failed ones still being retried. */
    public record Counts(int quarantined, int retrying) {
    }

    private List<MessageFailure> select(Condition where, int limit) {
        return dsl.select(MESSAGE_FAILURE.asterisk(), TICKET.NUMBER).from(MESSAGE_FAILURE)
                .leftJoin(TICKET).on(TICKET.ID.eq(MESSAGE_FAILURE.TICKET_ID))
                .where(where)
                .orderBy(MESSAGE_FAILURE.LAST_FAILED_AT.desc(), MESSAGE_FAILURE.ID.desc())
                .limit(limit)
                .fetch(MessageFailureRepository::toFailure);
    }

    private static MessageFailure toFailure(Record r) {
        return new MessageFailure(r.get(MESSAGE_FAILURE.ID), r.get(MESSAGE_FAILURE.MAILBOX_ID),
                r.get(MESSAGE_FAILURE.RAW_HASH), r.get(MESSAGE_FAILURE.IMAP_UID), r.get(MESSAGE_FAILURE.MESSAGE_ID),
                r.get(MESSAGE_FAILURE.SIGNATURE), r.get(MESSAGE_FAILURE.ATTEMPTS), r.get(MESSAGE_FAILURE.SAME_WAY),
                r.get(MESSAGE_FAILURE.LAST_ERROR), fromDb(r.get(MESSAGE_FAILURE.FIRST_FAILED_AT)),
                fromDb(r.get(MESSAGE_FAILURE.LAST_FAILED_AT)), fromDb(r.get(MESSAGE_FAILURE.QUARANTINED_AT)),
                r.get(MESSAGE_FAILURE.TICKET_ID), r.get(TICKET.NUMBER));
    }

    private static String fit(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
