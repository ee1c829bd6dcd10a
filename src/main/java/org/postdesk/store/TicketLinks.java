package org.postdesk.store;

import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.TICKET_LINK;

import java.time.Instant;
import org.jooq.DSLContext;

/** Relations between tickets recorded by hand; each pair once, smaller id first. */
public final class TicketLinks {
    private final DSLContext dsl;

    public TicketLinks(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Links the two tickets; false when they were linked already. */
    public boolean link(long a, long b, String actor, Instant at) {
        if (a == b) {
            throw new IllegalArgumentException("a ticket cannot be linked to itself: " + a);
        }
        return dsl.insertInto(TICKET_LINK).set(TICKET_LINK.TICKET_ID, Math.min(a, b))
                .set(TICKET_LINK.OTHER_ID, Math.max(a, b)).set(TICKET_LINK.ACTOR, actor)
                .set(TICKET_LINK.CREATED_AT, toDb(at)).onConflictDoNothing().execute() == 1;
    }
}
