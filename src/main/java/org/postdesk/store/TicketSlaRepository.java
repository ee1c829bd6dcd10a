package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.SLA_NOTICE;
import static org.postdesk.store.db.Tables.SLA_SYNC;
import static org.postdesk.store.db.Tables.TICKET_SLA;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.postdesk.sla.SlaState;
import org.postdesk.sla.SlaTarget;
import org.postdesk.store.db.tables.records.TicketSlaRecord;

/**
 * The stored due times of tickets, the notices sent about them, and how far ticket changes have been
 * folded in. Every query the sweeper runs goes through an index ({@code next_check_at}).
 */
public final class TicketSlaRepository {
    /** The kinds of SLA notice, each sent at most once per ticket, target and cycle. */
    public enum NoticeKind { WARNING, BREACH }

    private final DSLContext dsl;

    public TicketSlaRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Replaces the ticket's rows with {@code rows} (none: the ticket has no deadlines). An upsert per target,
     * so two daemons replaying the same ticket at once both succeed (the later write wins; both computed
     * the same rows from the same history).
     */
    public void replace(long ticketId, Collection<TicketSla> rows) {
        replaceAll(Map.of(ticketId, rows));
    }

    /**
     * {@link #replace} for each ticket of {@code rows}, with a statement count that does not grow with the tickets:
     * the rows of other targets go with one DELETE per set of targets (tickets without deadlines, all of them under a
     * mailbox without SLA policy, are one such set), the new rows with one batch of single-row upserts.
     */
    public void replaceAll(Map<Long, ? extends Collection<TicketSla>> rows) {
        Map<List<String>, List<Long>> byTargets = new LinkedHashMap<>();
        rows.forEach((ticketId, of) -> byTargets.computeIfAbsent(of.stream().map(r -> r.target().name()).sorted().toList(),
                k -> new ArrayList<>()).add(ticketId));
        byTargets.forEach((targets, ticketIds) -> dsl.deleteFrom(TICKET_SLA)
                .where(TICKET_SLA.TICKET_ID.in(ticketIds), targets.isEmpty() ? DSL.noCondition() : TICKET_SLA.TARGET.notIn(targets))
                .execute());
        List<TicketSla> all = rows.values().stream().flatMap(Collection::stream).toList();
        if (all.isEmpty()) {
            return;
        }
        // An upsert, so two daemons replaying the same ticket at once both succeed (the later write wins). One
        // single-row statement run as a JDBC batch, as in SlaMarks.replayed: a multi-row upsert is on H2 a MERGE over
        // a UNION ALL with a statement text (and a parsed copy in each session's query cache) per row count.
        BatchBindStep batch = dsl.batch(dsl.insertInto(TICKET_SLA, TICKET_SLA.TICKET_ID, TICKET_SLA.TARGET,
                        TICKET_SLA.CYCLE, TICKET_SLA.STATE, TICKET_SLA.BUDGET_MIN, TICKET_SLA.DUE_AT, TICKET_SLA.WARN_AT,
                        TICKET_SLA.LEFT_SECONDS, TICKET_SLA.MET_AT, TICKET_SLA.NEXT_CHECK_AT, TICKET_SLA.COMPUTED_AT)
                .values((Long) null, null, null, null, null, null, null, null, null, null, null)
                .onConflict(TICKET_SLA.TICKET_ID, TICKET_SLA.TARGET).doUpdate()
                .set(TICKET_SLA.CYCLE, DSL.excluded(TICKET_SLA.CYCLE)).set(TICKET_SLA.STATE, DSL.excluded(TICKET_SLA.STATE))
                .set(TICKET_SLA.BUDGET_MIN, DSL.excluded(TICKET_SLA.BUDGET_MIN)).set(TICKET_SLA.DUE_AT, DSL.excluded(TICKET_SLA.DUE_AT))
                .set(TICKET_SLA.WARN_AT, DSL.excluded(TICKET_SLA.WARN_AT))
                .set(TICKET_SLA.LEFT_SECONDS, DSL.excluded(TICKET_SLA.LEFT_SECONDS))
                .set(TICKET_SLA.MET_AT, DSL.excluded(TICKET_SLA.MET_AT))
                .set(TICKET_SLA.NEXT_CHECK_AT, DSL.excluded(TICKET_SLA.NEXT_CHECK_AT))
                .set(TICKET_SLA.COMPUTED_AT, DSL.excluded(TICKET_SLA.COMPUTED_AT)));
        for (TicketSla r : all) {
            batch = batch.bind(r.ticketId(), r.target().name(), r.cycle(), r.state().name(),
                    Math.toIntExact(r.budget().toMinutes()), toDb(r.dueAt()), toDb(r.warnAt()), r.left().toSeconds(),
                    toDb(r.metAt()), toDb(r.nextCheckAt()), toDb(r.computedAt()));
        }
        batch.execute();
    }

    public List<TicketSla> byTicket(long ticketId) {
        return dsl.selectFrom(TICKET_SLA).where(TICKET_SLA.TICKET_ID.eq(ticketId)).orderBy(TICKET_SLA.TARGET)
                .fetch(TicketSlaRepository::toRow);
    }

    /** Tickets with a row due for a look by {@code until}, soonest first, at most {@code limit}. */
    public List<Long> dueForCheck(Instant until, int limit) {
        return dsl.selectDistinct(TICKET_SLA.TICKET_ID, TICKET_SLA.NEXT_CHECK_AT).from(TICKET_SLA)
                .where(TICKET_SLA.NEXT_CHECK_AT.le(toDb(until)))
                .orderBy(TICKET_SLA.NEXT_CHECK_AT).limit(limit).fetch(TICKET_SLA.TICKET_ID)
                .stream().distinct().toList();
    }

    /** The soonest moment any row needs a look. */
    public Optional<Instant> nextCheck() {
        return Optional.ofNullable(fromDb(dsl.select(TICKET_SLA.NEXT_CHECK_AT).from(TICKET_SLA)
                .where(TICKET_SLA.NEXT_CHECK_AT.isNotNull()).orderBy(TICKET_SLA.NEXT_CHECK_AT).limit(1)
                .fetchOne(TICKET_SLA.NEXT_CHECK_AT)));
    }

    /**
     * Records that a notice is being sent; true for exactly one caller per ticket, target, cycle and kind
     * (the primary key decides, also between daemons on one PostgreSQL), false for every later one.
     */
    public boolean claimNotice(long ticketId, SlaTarget target, int cycle, NoticeKind kind, Instant now) {
        return dsl.insertInto(SLA_NOTICE).set(SLA_NOTICE.TICKET_ID, ticketId).set(SLA_NOTICE.TARGET, target.name())
                .set(SLA_NOTICE.CYCLE, cycle).set(SLA_NOTICE.KIND, kind.name()).set(SLA_NOTICE.SENT_AT, toDb(now))
                .onConflictDoNothing().execute() == 1;
    }

    /** One notice sent (or being sent): of a ticket's target in one cycle, of one kind. */
    public record Notice(long ticketId, SlaTarget target, int cycle, NoticeKind kind) {
    }

    /** The notices sent about any of {@code ticketIds}, with one query. */
    public Set<Notice> noticesOf(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Set.of();
        }
        return dsl.select(SLA_NOTICE.TICKET_ID, SLA_NOTICE.TARGET, SLA_NOTICE.CYCLE, SLA_NOTICE.KIND).from(SLA_NOTICE)
                .where(SLA_NOTICE.TICKET_ID.in(ticketIds))
                .fetchSet(r -> new Notice(r.value1(), SlaTarget.valueOf(r.value2()), r.value3(), NoticeKind.valueOf(r.value4())));
    }

    /** Up to when ticket changes were folded in; empty before the first sync. */
    public Optional<Instant> syncedUntil() {
        return dsl.select(SLA_SYNC.SYNCED_UNTIL).from(SLA_SYNC).where(SLA_SYNC.ID.eq(1))
                .fetchOptional(SLA_SYNC.SYNCED_UNTIL).map(Timestamps::fromDb);
    }

    public void setSyncedUntil(Instant at) {
        if (dsl.update(SLA_SYNC).set(SLA_SYNC.SYNCED_UNTIL, toDb(at)).where(SLA_SYNC.ID.eq(1)).execute() == 0) {
            dsl.insertInto(SLA_SYNC).set(SLA_SYNC.ID, 1).set(SLA_SYNC.SYNCED_UNTIL, toDb(at)).onConflictDoNothing()
                    .execute();
        }
    }

    /**
     * Tickets with a target past its due time and not met (breached, or due while the sweeper has not yet
     * looked), soonest due first.
     */
    public List<Long> breaching(Instant now, int limit) {
        return dueBy(now, limit, true);
    }

    /** Tickets with an open target (not met, not paused) due by {@code until}, soonest due first. */
    public List<Long> dueBy(Instant until, int limit) {
        return dueBy(until, limit, false);
    }

    private List<Long> dueBy(Instant until, int limit, boolean breachedToo) {
        var open = TICKET_SLA.STATE.in(SlaState.OK.name(), SlaState.WARNING.name(), SlaState.BREACHED.name());
        var due = TICKET_SLA.DUE_AT.le(toDb(until));
        var where = breachedToo ? TICKET_SLA.STATE.eq(SlaState.BREACHED.name()).or(open.and(due)) : open.and(due);
        return dsl.select(TICKET_SLA.TICKET_ID, DSL.min(TICKET_SLA.DUE_AT)).from(TICKET_SLA).where(where)
                .groupBy(TICKET_SLA.TICKET_ID).orderBy(DSL.min(TICKET_SLA.DUE_AT).nullsLast(), TICKET_SLA.TICKET_ID)
                .limit(limit).fetch(TICKET_SLA.TICKET_ID);
    }

    private static TicketSla toRow(TicketSlaRecord r) {
        return new TicketSla(r.getTicketId(), SlaTarget.valueOf(r.getTarget()), r.getCycle(), SlaState.valueOf(r.getState()),
                Duration.ofMinutes(r.getBudgetMin()), fromDb(r.getDueAt()), fromDb(r.getWarnAt()),
                Duration.ofSeconds(r.getLeftSeconds()), fromDb(r.getMetAt()), fromDb(r.getNextCheckAt()),
                fromDb(r.getComputedAt()));
    }
}
