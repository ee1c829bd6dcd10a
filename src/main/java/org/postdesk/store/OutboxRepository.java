package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.OUTBOX;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.store.db.tables.records.OutboxRecord;

/**
 * The outbox. Rows are written in the transaction of the change that causes them; the sender claims
 * due rows with {@code FOR UPDATE SKIP LOCKED}, so several daemons never send the same row at once.
 */
public final class OutboxRepository {
    public static final String PENDING = "PENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";

    private final DSLContext dsl;

    public OutboxRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long enqueue(NewOutboxItem item) {
        return dsl.insertInto(OUTBOX)
                .set(OUTBOX.MAILBOX_ID, item.mailboxId()).set(OUTBOX.TICKET_ID, item.ticketId())
                .set(OUTBOX.KIND, item.kind()).set(OUTBOX.MESSAGE_ID, item.messageId())
                .set(OUTBOX.SENDER, item.sender()).set(OUTBOX.RECIPIENTS, String.join(",", item.recipients()))
                .set(OUTBOX.RAW, item.raw()).set(OUTBOX.STATUS, PENDING)
                .set(OUTBOX.NEXT_ATTEMPT_AT, toDb(item.createdAt())).set(OUTBOX.CREATED_AT, toDb(item.createdAt()))
                .returningResult(OUTBOX.ID)
                .fetchOne(OUTBOX.ID);
    }

    /** Locks and returns the oldest due row; call inside a transaction that then records the result. */
    public Optional<OutboxItem> claimDue(Instant now) {
        return dsl.selectFrom(OUTBOX)
                .where(OUTBOX.STATUS.eq(PENDING).and(OUTBOX.NEXT_ATTEMPT_AT.le(toDb(now))))
                .orderBy(OUTBOX.NEXT_ATTEMPT_AT, OUTBOX.ID)
                .limit(1)
                .forUpdate().skipLocked()
                .fetchOptional(OutboxRepository::toItem);
    }

    public void markSent(long id, int attempts, Instant at) {
        dsl.update(OUTBOX).set(OUTBOX.STATUS, SENT).set(OUTBOX.ATTEMPTS, attempts).set(OUTBOX.SENT_AT, toDb(at))
                .set(OUTBOX.LAST_ERROR, (String) null).where(OUTBOX.ID.eq(id)).execute();
    }

    public void reschedule(long id, int attempts, Instant next, String error) {
        dsl.update(OUTBOX).set(OUTBOX.ATTEMPTS, attempts).set(OUTBOX.NEXT_ATTEMPT_AT, toDb(next))
                .set(OUTBOX.LAST_ERROR, error).where(OUTBOX.ID.eq(id)).execute();
    }

    /**
     * Moves the mailbox's other pending rows due before {@code until} to {@code until}, without counting an
     * attempt: its SMTP server is down, so trying them now would only wait for the same timeouts while other
     * mailboxes' mail queues up behind them. Rows another sender holds are left alone (never waited for).
     * Returns how many rows moved.
     */
    public int postponeMailbox(long mailboxId, Instant until, long exceptId) {
        List<Long> ids = dsl.select(OUTBOX.ID).from(OUTBOX)
                .where(OUTBOX.MAILBOX_ID.eq(mailboxId).and(OUTBOX.STATUS.eq(PENDING))
                        .and(OUTBOX.NEXT_ATTEMPT_AT.lt(toDb(until))).and(OUTBOX.ID.ne(exceptId)))
                .forUpdate().skipLocked()
                .fetch(OUTBOX.ID);
        return ids.isEmpty() ? 0 : dsl.update(OUTBOX).set(OUTBOX.NEXT_ATTEMPT_AT, toDb(until))
                .where(OUTBOX.ID.in(ids)).execute();
    }

    public void markFailed(long id, int attempts, String error) {
        dsl.update(OUTBOX).set(OUTBOX.STATUS, FAILED).set(OUTBOX.ATTEMPTS, attempts).set(OUTBOX.LAST_ERROR, error)
                .where(OUTBOX.ID.eq(id)).execute();
    }

    /** Autoreplies of this kind queued to {@code recipient} since {@code since}: the loop cap's input. */
    public int countSentTo(String kind, String recipient, Instant since) {
        return dsl.fetchCount(OUTBOX, OUTBOX.KIND.eq(kind).and(OUTBOX.RECIPIENTS.eq(recipient))
                .and(OUTBOX.CREATED_AT.ge(toDb(since))));
    }

    public List<OutboxItem> byTicket(long ticketId) {
        return dsl.selectFrom(OUTBOX).where(OUTBOX.TICKET_ID.eq(ticketId)).orderBy(OUTBOX.ID)
                .fetch(OutboxRepository::toItem);
    }

    public int countByStatus(String status) {
        return dsl.fetchCount(OUTBOX, OUTBOX.STATUS.eq(status));
    }

    static OutboxItem toItem(OutboxRecord r) {
        return new OutboxItem(r.getId(), r.getMailboxId(), r.getTicketId(), r.getKind(), r.getMessageId(),
                r.getSender(), Arrays.asList(r.getRecipients().split(",")), r.getRaw(), r.getStatus(),
                r.getAttempts(), fromDb(r.getNextAttemptAt()), r.getLastError(), fromDb(r.getCreatedAt()),
                fromDb(r.getSentAt()));
    }
}
