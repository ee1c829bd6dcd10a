package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.TICKET_EVENT;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/** The audit trail of a ticket: who changed what, when. */
public final class EventRepository {
    private final DSLContext dsl;

    public EventRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void record(long ticketId, Instant at, String actor, String type, String detail) {
        dsl.insertInto(TICKET_EVENT)
                .set(TICKET_EVENT.TICKET_ID, ticketId).set(TICKET_EVENT.AT, toDb(at))
                .set(TICKET_EVENT.ACTOR, actor).set(TICKET_EVENT.TYPE, type).set(TICKET_EVENT.DETAIL, detail)
                .execute();
    }

    public List<TicketEvent> byTicket(long ticketId) {
        return dsl.selectFrom(TICKET_EVENT).where(TICKET_EVENT.TICKET_ID.eq(ticketId)).orderBy(TICKET_EVENT.ID)
                .fetch(r -> new TicketEvent(fromDb(r.getAt()), r.getActor(), r.getType(), r.getDetail()));
    }

    /** One audit line. */
    public record TicketEvent(Instant at, String actor, String type, String detail) {
    }
}
