package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.TICKET_EVENT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The audit trail of a ticket: who changed what, when. In a transaction that {@link #collectIn collects} (ingest),
 * the events are held until {@link #flush} writes them with one multi-row INSERT: a new ticket records three or four
 * lines, a statement each before. Whatever reads or moves the trail flushes first, so nothing misses a line.
 */
public final class EventRepository {
    /** {@link TransactionMemo} key of the events a collecting transaction holds, in the order recorded. */
    private static final String PENDING = "postdesk.pending-events";
    private final DSLContext dsl;

    public EventRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * From now on in {@code tx}'s transaction, {@link #record} only holds the events until {@link #flush}; the caller
     * flushes at the end of each message, so a failing insert still names its message. Outside a transaction
     * events are written at once.
     */
    public static void collectIn(DSLContext tx) {
        TransactionMemo.remember(tx, PENDING, new ArrayList<Pending>());
    }

    public void record(long ticketId, Instant at, String actor, String type, String detail) {
        List<Pending> pending = TransactionMemo.known(dsl, PENDING);
        if (pending != null) {
            pending.add(new Pending(ticketId, at, actor, type, detail));
            return;
        }
        dsl.insertInto(TICKET_EVENT)
                .set(TICKET_EVENT.TICKET_ID, ticketId).set(TICKET_EVENT.AT, toDb(at))
                .set(TICKET_EVENT.ACTOR, actor).set(TICKET_EVENT.TYPE, type).set(TICKET_EVENT.DETAIL, detail)
                .execute();
    }

    /** Writes the events held in this transaction, in the order recorded, with one statement; none: nothing. */
    public void flush() {
        List<Pending> pending = TransactionMemo.known(dsl, PENDING);
        if (pending == null || pending.isEmpty()) {
            return;
        }
        var insert = dsl.insertInto(TICKET_EVENT, TICKET_EVENT.TICKET_ID, TICKET_EVENT.AT, TICKET_EVENT.ACTOR,
                TICKET_EVENT.TYPE, TICKET_EVENT.DETAIL);
        for (Pending e : pending) {
            insert = insert.values(e.ticketId(), toDb(e.at()), e.actor(), e.type(), e.detail());
        }
        pending.clear();
        insert.execute();
    }

    public List<TicketEvent> byTicket(long ticketId) {
        flush();
        return dsl.selectFrom(TICKET_EVENT).where(TICKET_EVENT.TICKET_ID.eq(ticketId)).orderBy(TICKET_EVENT.ID)
                .fetch(r -> new TicketEvent(fromDb(r.getAt()), r.getActor(), r.getType(), r.getDetail()));
    }

    /** An event recorded and not yet written. */
    private record Pending(long ticketId, Instant at, String actor, String type, String detail) {
    }

    /** One audit line. */
    public record TicketEvent(Instant at, String actor, String type, String detail) {
    }
}
