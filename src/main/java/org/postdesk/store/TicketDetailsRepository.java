package org.postdesk.store;

import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.PARTICIPANT;
import static org.postdesk.store.db.Tables.TICKET;

import java.time.Instant;
import org.jooq.DSLContext;

/** The fields agents change by command: priority, category and the CC list. */
public final class TicketDetailsRepository {
    private final DSLContext dsl;

    public TicketDetailsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void setPriority(long ticketId, String priority, Instant now) {
        dsl.update(TICKET).set(TICKET.PRIORITY, priority).set(TICKET.UPDATED_AT, toDb(now))
                .where(TICKET.ID.eq(ticketId)).execute();
    }

    public void setCategory(long ticketId, String category, Instant now) {
        dsl.update(TICKET).set(TICKET.CATEGORY, category).set(TICKET.UPDATED_AT, toDb(now))
                .where(TICKET.ID.eq(ticketId)).execute();
    }

    /** Removes a CC; the requester is never removed this way. @return false when it was no CC */
    public boolean removeCc(long ticketId, String address) {
        return dsl.deleteFrom(PARTICIPANT).where(PARTICIPANT.TICKET_ID.eq(ticketId)
                .and(PARTICIPANT.ADDRESS.eq(address)).and(PARTICIPANT.ROLE.eq("CC"))).execute() == 1;
    }
}
