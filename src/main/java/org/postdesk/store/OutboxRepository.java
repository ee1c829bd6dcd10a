package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.MAILBOX;
import static org.postdesk.store.db.Tables.OUTBOX;
import static org.postdesk.store.db.Tables.OUTBOX_ATTACHMENT;
import static org.postdesk.store.db.Tables.TICKET;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;
import org.postdesk.store.db.tables.Outbox;
import org.postdesk.store.db.tables.records.OutboxRecord;

/**
 * The outbox. Rows are written in the transaction of the change that causes them. A sender claims a due
 * row in a short transaction ({@code FOR UPDATE SKIP LOCKED}, then a lease in {@code claimed_until}), sends
 * it with no transaction open, and records the result with the claim's token; so several senders and
 * daemons never send the same row at once, and a row whose sender died is sent again once its lease ran out.
 * A ticket's mail is claimed in the order it was queued: a row waits while an earlier row of its ticket is
 * still pending (in flight or waiting for a retry).
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
        return enqueueAll(List.of(item)).get(0);
    }

    /** Queues each of {@code items} with one multi-row INSERT (plus any splices); returns the ids in the order given. */
    public List<Long> enqueueAll(List<NewOutboxItem> items) {
        if (items.size() == 1) {
            return List.of(enqueueOne(items.get(0)));
        }
        if (items.isEmpty()) {
            return List.of();
        }
        var insert = dsl.insertInto(OUTBOX, OUTBOX.MAILBOX_ID, OUTBOX.TICKET_ID, OUTBOX.KIND, OUTBOX.MESSAGE_ID,
                OUTBOX.SENDER, OUTBOX.RECIPIENTS, OUTBOX.RAW, OUTBOX.STATUS, OUTBOX.NEXT_ATTEMPT_AT, OUTBOX.CREATED_AT);
        for (NewOutboxItem item : items) {
            insert = insert.values(item.mailboxId(), item.ticketId(), item.kind(), item.messageId(), item.sender(),
                    String.join(",", item.recipients()), item.raw(), PENDING, toDb(item.createdAt()), toDb(item.createdAt()));
        }
        // As NotificationRepository.insertAll: the identity rises in the order of the VALUES; RETURNING's order is
        // not promised, hence the sort.
        List<Long> ids = new ArrayList<>(insert.returningResult(OUTBOX.ID).fetch(OUTBOX.ID));
        java.util.Collections.sort(ids);
        for (int i = 0; i < items.size(); i++) {
            insertSplices(ids.get(i), items.get(i).splices());
        }
        return List.copyOf(ids);
    }

    private long enqueueOne(NewOutboxItem item) {
        long id = dsl.insertInto(OUTBOX)
                .set(OUTBOX.MAILBOX_ID, item.mailboxId()).set(OUTBOX.TICKET_ID, item.ticketId())
                .set(OUTBOX.KIND, item.kind()).set(OUTBOX.MESSAGE_ID, item.messageId())
                .set(OUTBOX.SENDER, item.sender()).set(OUTBOX.RECIPIENTS, String.join(",", item.recipients()))
                .set(OUTBOX.RAW, item.raw()).set(OUTBOX.STATUS, PENDING)
                .set(OUTBOX.NEXT_ATTEMPT_AT, toDb(item.createdAt())).set(OUTBOX.CREATED_AT, toDb(item.createdAt()))
                .returningResult(OUTBOX.ID)
                .fetchOne(OUTBOX.ID);
        insertSplices(id, item.splices());
        return id;
    }

    private void insertSplices(long id, List<OutboxSplice> splices) {
        int seq = 0;
        for (OutboxSplice splice : splices) {
            dsl.insertInto(OUTBOX_ATTACHMENT).set(OUTBOX_ATTACHMENT.OUTBOX_ID, id)
                    .set(OUTBOX_ATTACHMENT.SEQ, seq++).set(OUTBOX_ATTACHMENT.ATTACHMENT_ID, splice.attachmentId())
                    .set(OUTBOX_ATTACHMENT.AT_OFFSET, splice.offset()).execute();
        }
    }

    /** The stored attachments that go into row {@code outboxId}'s raw bytes, in order; empty when it is whole. */
    public List<OutboxSplice> splices(long outboxId) {
        return dsl.select(OUTBOX_ATTACHMENT.AT_OFFSET, OUTBOX_ATTACHMENT.ATTACHMENT_ID).from(OUTBOX_ATTACHMENT)
                .where(OUTBOX_ATTACHMENT.OUTBOX_ID.eq(outboxId)).orderBy(OUTBOX_ATTACHMENT.SEQ)
                .fetch(r -> new OutboxSplice(r.value1(), r.value2()));
    }

    /**
     * Claims the oldest due row not claimed by a live lease and not behind an earlier pending row of its
     * ticket, until {@code until}; commit the caller's transaction before sending it.
     */
    public Optional<ClaimedMail> claim(Instant now, Instant until, String token) {
        return claim(now, until, token, 1).stream().findFirst();
    }

    /**
     * Claims up to {@code limit} such rows, oldest first, all under {@code token}, in a fixed number of statements
     * (the rows, the lease, their mailboxes' names, ticket numbers and splices), so a sender pays one commit for a
     * batch instead of one per mail (issue 16). A batch holds at most one row per ticket: a ticket's later row
     * waits until the earlier one is no longer pending, as with single claims.
     */
    public List<ClaimedMail> claim(Instant now, Instant until, String token, int limit) {
        List<OutboxItem> due = dsl.selectFrom(OUTBOX)
                .where(OUTBOX.STATUS.eq(PENDING).and(OUTBOX.NEXT_ATTEMPT_AT.le(toDb(now)))
                        .and(unclaimed(now)).and(firstOfItsTicket()))
                .orderBy(OUTBOX.NEXT_ATTEMPT_AT, OUTBOX.ID)
                .limit(limit)
                .forUpdate().skipLocked()
                .fetch(OutboxRepository::toItem);
        if (due.isEmpty()) {
            return List.of();
        }
        List<Long> ids = due.stream().map(OutboxItem::id).toList();
        dsl.update(OUTBOX).set(OUTBOX.CLAIMED_UNTIL, toDb(until)).set(OUTBOX.CLAIM_TOKEN, token)
                .where(OUTBOX.ID.in(ids)).execute();
        Map<Long, String> mailboxes = dsl.select(MAILBOX.ID, MAILBOX.NAME).from(MAILBOX)
                .where(MAILBOX.ID.in(due.stream().map(OutboxItem::mailboxId).distinct().toList()))
                .fetchMap(MAILBOX.ID, MAILBOX.NAME);
        List<Long> ticketIds = due.stream().map(OutboxItem::ticketId).filter(Objects::nonNull).distinct().toList();
        Map<Long, Long> numbers = ticketIds.isEmpty() ? Map.of() : dsl.select(TICKET.ID, TICKET.NUMBER).from(TICKET)
                .where(TICKET.ID.in(ticketIds)).fetchMap(TICKET.ID, TICKET.NUMBER);
        Map<Long, List<OutboxSplice>> splices = splices(ids);
        return due.stream().map(item -> {
            Long number = item.ticketId() == null ? null : numbers.get(item.ticketId());
            return new ClaimedMail(item, token, mailboxes.get(item.mailboxId()),
                    number == null ? null : String.valueOf(number), splices.getOrDefault(item.id(), List.of()));
        }).toList();
    }

    private Map<Long, List<OutboxSplice>> splices(List<Long> outboxIds) {
        Map<Long, List<OutboxSplice>> byRow = new HashMap<>();
        dsl.select(OUTBOX_ATTACHMENT.OUTBOX_ID, OUTBOX_ATTACHMENT.AT_OFFSET, OUTBOX_ATTACHMENT.ATTACHMENT_ID)
                .from(OUTBOX_ATTACHMENT).where(OUTBOX_ATTACHMENT.OUTBOX_ID.in(outboxIds))
                .orderBy(OUTBOX_ATTACHMENT.OUTBOX_ID, OUTBOX_ATTACHMENT.SEQ)
                .forEach(r -> byRow.computeIfAbsent(r.value1(), id -> new ArrayList<>())
                        .add(new OutboxSplice(r.value2(), r.value3())));
        return byRow;
    }

    /**
     * Frees the live leases of claims whose daemon is no longer in {@code liveDaemons}: a daemon killed while
     * sending leaves its claims leased for {@code OutboxSender.CLAIM_FOR} (ten minutes), and with them every
     * later mail of the same tickets. Claim tokens are {@code daemonId:uuid}; a token of another form (no
     * daemon named) is left to its lease. A freed row is sent again with the same Message-ID, as after any
     * crash between send and record. Returns how many were freed.
     */
    public int releaseClaimsOfDeadDaemons(Set<String> liveDaemons, Instant now) {
        int freed = 0;
        for (var row : dsl.select(OUTBOX.ID, OUTBOX.CLAIM_TOKEN).from(OUTBOX)
                .where(OUTBOX.STATUS.eq(PENDING).and(OUTBOX.CLAIMED_UNTIL.gt(toDb(now)))).fetch()) {
            String token = row.value2();
            int colon = token == null ? -1 : token.indexOf(':');
            if (colon > 0 && !liveDaemons.contains(token.substring(0, colon))) {
                freed += dsl.update(OUTBOX).set(OUTBOX.CLAIMED_UNTIL, (OffsetDateTime) null)
                        .set(OUTBOX.CLAIM_TOKEN, (String) null)
                        .where(OUTBOX.ID.eq(row.value1()).and(OUTBOX.CLAIM_TOKEN.eq(token))).execute();
            }
        }
        return freed;
    }

    private static Condition unclaimed(Instant now) {
        return OUTBOX.CLAIMED_UNTIL.isNull().or(OUTBOX.CLAIMED_UNTIL.le(toDb(now)));
    }

    private static Condition firstOfItsTicket() {
        Outbox earlier = OUTBOX.as("earlier");
        return OUTBOX.TICKET_ID.isNull().or(DSL.notExists(DSL.selectOne().from(earlier)
                .where(earlier.TICKET_ID.eq(OUTBOX.TICKET_ID).and(earlier.STATUS.eq(PENDING))
                        .and(earlier.ID.lt(OUTBOX.ID)))));
    }

    /** Records the claimed row as delivered; false (nothing written) when the claim was lost to another sender. */
    public boolean markSent(ClaimedMail claim, int attempts, Instant at) {
        return released(dsl.update(OUTBOX).set(OUTBOX.STATUS, SENT).set(OUTBOX.ATTEMPTS, attempts)
                .set(OUTBOX.SENT_AT, toDb(at)).set(OUTBOX.LAST_ERROR, (String) null)).where(claimed(claim)).execute() == 1;
    }

    /**
     * Records the claimed rows as delivered, each with one more attempt, in two statements whatever their number
     * (the rows still held under their claim are locked, then updated); returns the ids recorded. A row missing
     * from the answer had its claim lost to another sender (its lease ran out, or its daemon was taken for dead),
     * and nothing was written for it.
     */
    public Set<Long> markSent(List<ClaimedMail> claims, Instant at) {
        if (claims.size() == 1) {
            // Each mail on its own (outbox.record-within=0s, the default): its UPDATE's count says whether the claim
            // held, so the locking SELECT is not needed.
            ClaimedMail only = claims.get(0);
            return markSent(only, only.item().attempts() + 1, at) ? Set.of(only.item().id()) : Set.of();
        }
        Set<Long> recorded = new HashSet<>();
        byToken(claims).forEach((token, ids) -> {
            List<Long> held = dsl.select(OUTBOX.ID).from(OUTBOX)
                    .where(OUTBOX.ID.in(ids).and(OUTBOX.CLAIM_TOKEN.eq(token))).forUpdate().fetch(OUTBOX.ID);
            if (!held.isEmpty()) {
                released(dsl.update(OUTBOX).set(OUTBOX.STATUS, SENT).set(OUTBOX.ATTEMPTS, OUTBOX.ATTEMPTS.plus(1))
                        .set(OUTBOX.SENT_AT, toDb(at)).set(OUTBOX.LAST_ERROR, (String) null))
                        .where(OUTBOX.ID.in(held).and(OUTBOX.CLAIM_TOKEN.eq(token))).execute();
                recorded.addAll(held);
            }
        });
        return recorded;
    }

    /**
     * Gives claimed rows back unsent and without counting an attempt (the sender stops, or its lease is too short
     * for another send), due again at {@code nextAttempt}, or as they were when null; returns how many.
     */
    public int release(List<ClaimedMail> claims, Instant nextAttempt) {
        int released = 0;
        for (Map.Entry<String, List<Long>> e : byToken(claims).entrySet()) {
            UpdateSetMoreStep<OutboxRecord> update = dsl.update(OUTBOX)
                    .set(OUTBOX.CLAIMED_UNTIL, (OffsetDateTime) null).set(OUTBOX.CLAIM_TOKEN, (String) null);
            if (nextAttempt != null) {
                update = update.set(OUTBOX.NEXT_ATTEMPT_AT, toDb(nextAttempt));
            }
            released += update.where(OUTBOX.ID.in(e.getValue()).and(OUTBOX.CLAIM_TOKEN.eq(e.getKey()))).execute();
        }
        return released;
    }

    private static Map<String, List<Long>> byToken(List<ClaimedMail> claims) {
        Map<String, List<Long>> ids = new LinkedHashMap<>();
        claims.forEach(c -> ids.computeIfAbsent(c.token(), t -> new ArrayList<>()).add(c.item().id()));
        return ids;
    }

    /** Records a failed attempt and when to try again; false when the claim was lost to another sender. */
    public boolean reschedule(ClaimedMail claim, int attempts, Instant next, String error) {
        return released(dsl.update(OUTBOX).set(OUTBOX.ATTEMPTS, attempts).set(OUTBOX.NEXT_ATTEMPT_AT, toDb(next))
                .set(OUTBOX.LAST_ERROR, error)).where(claimed(claim)).execute() == 1;
    }

    /** Records that the outbox gave up on the row; false when the claim was lost to another sender. */
    public boolean markFailed(ClaimedMail claim, int attempts, String error) {
        return released(dsl.update(OUTBOX).set(OUTBOX.STATUS, FAILED).set(OUTBOX.ATTEMPTS, attempts)
                .set(OUTBOX.LAST_ERROR, error)).where(claimed(claim)).execute() == 1;
    }

    private static Condition claimed(ClaimedMail claim) {
        return OUTBOX.ID.eq(claim.item().id()).and(OUTBOX.CLAIM_TOKEN.eq(claim.token()));
    }

    private static UpdateSetMoreStep<OutboxRecord> released(UpdateSetMoreStep<OutboxRecord> update) {
        return update.set(OUTBOX.CLAIMED_UNTIL, (OffsetDateTime) null).set(OUTBOX.CLAIM_TOKEN, (String) null);
    }

    /**
     * Moves the mailbox's other pending rows that are due now to {@code until}, without counting an attempt: its
     * SMTP server is down, so trying them now would only wait for the same timeouts while other mailboxes' mail
     * queues up behind them. Rows another sender holds or has claimed are left alone (never waited for), and so
     * are rows already waiting for a later time: moving those again at every failure rewrote the whole queue for
     * each new mail while the server was down (quadratic; an embedded H2 file grew to 6.4 GB for 700 queued
     * acknowledgements in ten minutes).
     * Returns how many rows moved.
     */
    public int postponeMailbox(long mailboxId, Instant now, Instant until, long exceptId) {
        List<Long> ids = dsl.select(OUTBOX.ID).from(OUTBOX)
                .where(OUTBOX.MAILBOX_ID.eq(mailboxId).and(OUTBOX.STATUS.eq(PENDING))
                        .and(OUTBOX.NEXT_ATTEMPT_AT.le(toDb(now))).and(OUTBOX.ID.ne(exceptId))
                        .and(unclaimed(now)))
                .forUpdate().skipLocked()
                .fetch(OUTBOX.ID);
        return ids.isEmpty() ? 0 : dsl.update(OUTBOX).set(OUTBOX.NEXT_ATTEMPT_AT, toDb(until))
                .where(OUTBOX.ID.in(ids)).execute();
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
