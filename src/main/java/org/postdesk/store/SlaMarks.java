package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.TICKET;
import static org.postdesk.store.db.Tables.TICKET_SLA_MARK;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Which tickets' stored SLA state is behind ({@code ticket_sla_mark}): a ticket is behind when its
 * {@code updated_at} differs from the one its last replay read, or when a calendar or policy change marked it
 * stale. Comparing for difference, not order, is what keeps a change committed late (after a newer one, or
 * after the sweeper read the ticket) from being skipped, on PostgreSQL as on H2.
 */
public final class SlaMarks {
    private final DSLContext dsl;

    public SlaMarks(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A ticket's mark as a replay found it; {@code staleSince} null when nothing outside the ticket changed. */
    public record Mark(Instant replayedThrough, Instant staleSince) {
    }

    /** The marks of those of {@code ticketIds} that have one, with one query. */
    public Map<Long, Mark> byTickets(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Mark> marks = new HashMap<>();
        dsl.select(TICKET_SLA_MARK.TICKET_ID, TICKET_SLA_MARK.REPLAYED_THROUGH, TICKET_SLA_MARK.STALE_SINCE)
                .from(TICKET_SLA_MARK).where(TICKET_SLA_MARK.TICKET_ID.in(ticketIds))
                .forEach(r -> marks.put(r.value1(), new Mark(fromDb(r.value2()), fromDb(r.value3()))));
        return marks;
    }

    /**
     * That a replay of {@code ticketId} read it as of {@code through} (its {@code updated_at} then), and found its
     * mark as {@code before}.
     */
    public record Replay(long ticketId, Instant through, Optional<Mark> before) {
    }

    /**
     * Records that each ticket's rows now reflect it as of its {@link Replay#through}. A stale mark is cleared only if
     * it is still the one the replay read ({@code before}): a calendar change committed during the replay keeps the
     * ticket stale, so it is replayed again. The tickets that had no mark get theirs with one batch.
     */
    public void replayed(List<Replay> replays) {
        List<Replay> unmarked = new ArrayList<>();
        for (Replay r : replays) {
            if (r.before().isEmpty()) {
                unmarked.add(r);
            } else {
                dsl.update(TICKET_SLA_MARK).set(TICKET_SLA_MARK.REPLAYED_THROUGH, toDb(r.through()))
                        .setNull(TICKET_SLA_MARK.STALE_SINCE)
                        .where(TICKET_SLA_MARK.TICKET_ID.eq(r.ticketId()),
                                TICKET_SLA_MARK.STALE_SINCE.isNotDistinctFrom(toDb(r.before().get().staleSince())))
                        .execute();
            }
        }
        if (!unmarked.isEmpty()) {
            // One single-row statement run as a JDBC batch, not one multi-row INSERT: H2 runs ON CONFLICT as a MERGE
            // over a UNION ALL of one SELECT per row, a statement text of its own for every row count, and keeps each
            // parsed in its per-session query cache; a drain's catch-up (1 to 100 rows a chunk) held 80 MB of them.
            BatchBindStep batch = dsl.batch(dsl.insertInto(TICKET_SLA_MARK, TICKET_SLA_MARK.TICKET_ID,
                    TICKET_SLA_MARK.REPLAYED_THROUGH).values((Long) null, null).onConflictDoNothing());
            for (Replay r : unmarked) {
                batch = batch.bind(r.ticketId(), toDb(r.through()));
            }
            batch.execute();
        }
    }

    /**
     * Marks every open ticket of the mailbox stale (two set-based statements, no ticket row locked); returns how
     * many. Their replay is left to {@link #stale} readers: the command in bounded batches, or the sweeper.
     */
    public int markStale(long mailboxId, Instant now) {
        dsl.update(TICKET_SLA_MARK).set(TICKET_SLA_MARK.STALE_SINCE, toDb(now))
                .where(TICKET_SLA_MARK.TICKET_ID.in(DSL.select(TICKET.ID).from(TICKET).where(open(mailboxId))))
                .execute();
        dsl.insertInto(TICKET_SLA_MARK, TICKET_SLA_MARK.TICKET_ID, TICKET_SLA_MARK.STALE_SINCE)
                .select(DSL.select(TICKET.ID, DSL.val(toDb(now))).from(TICKET).where(open(mailboxId))
                        .andNotExists(DSL.selectOne().from(TICKET_SLA_MARK).where(TICKET_SLA_MARK.TICKET_ID.eq(TICKET.ID))))
                .onConflictDoNothing().execute();
        return dsl.fetchCount(TICKET, open(mailboxId));
    }

    private static Condition open(long mailboxId) {
        return TICKET.MAILBOX_ID.eq(mailboxId).and(OpenStatuses.ticketIsOpen());
    }

    /** Stale tickets, longest stale first, at most {@code limit} (index on {@code stale_since}). */
    public List<Long> stale(int limit) {
        return dsl.select(TICKET_SLA_MARK.TICKET_ID).from(TICKET_SLA_MARK).where(TICKET_SLA_MARK.STALE_SINCE.isNotNull())
                .orderBy(TICKET_SLA_MARK.STALE_SINCE, TICKET_SLA_MARK.TICKET_ID).limit(limit)
                .fetch(TICKET_SLA_MARK.TICKET_ID);
    }

    /** The stale tickets of one mailbox, at most {@code limit}. */
    public List<Long> stale(long mailboxId, int limit) {
        return dsl.select(TICKET_SLA_MARK.TICKET_ID).from(TICKET_SLA_MARK).join(TICKET).on(TICKET.ID.eq(TICKET_SLA_MARK.TICKET_ID))
                .where(TICKET_SLA_MARK.STALE_SINCE.isNotNull(), TICKET.MAILBOX_ID.eq(mailboxId))
                .orderBy(TICKET_SLA_MARK.STALE_SINCE, TICKET_SLA_MARK.TICKET_ID).limit(limit)
                .fetch(TICKET_SLA_MARK.TICKET_ID);
    }

    /** How many tickets of the mailbox are stale. */
    public int staleCount(long mailboxId) {
        return dsl.fetchCount(DSL.selectOne().from(TICKET_SLA_MARK).join(TICKET).on(TICKET.ID.eq(TICKET_SLA_MARK.TICKET_ID))
                .where(TICKET_SLA_MARK.STALE_SINCE.isNotNull(), TICKET.MAILBOX_ID.eq(mailboxId)));
    }

    /**
     * Tickets updated at or after {@code since} (every ticket when null) whose last replay read another
     * {@code updated_at}, or that were never replayed, oldest change first, at most {@code limit}. The range
     * uses {@code ticket_updated_ix}; the tickets already replayed in it cost a primary-key lookup each.
     */
    public List<Long> behind(Instant since, int limit) {
        return dsl.select(TICKET.ID).from(TICKET).leftJoin(TICKET_SLA_MARK).on(TICKET_SLA_MARK.TICKET_ID.eq(TICKET.ID))
                .where(since == null ? DSL.noCondition() : TICKET.UPDATED_AT.ge(toDb(since)))
                .and(TICKET_SLA_MARK.TICKET_ID.isNull().or(TICKET_SLA_MARK.REPLAYED_THROUGH.isDistinctFrom(TICKET.UPDATED_AT)))
                .orderBy(TICKET.UPDATED_AT, TICKET.ID).limit(limit).fetch(TICKET.ID);
    }
}
