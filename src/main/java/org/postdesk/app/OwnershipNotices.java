package org.postdesk.app;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.store.Agent;
import org.postdesk.tickets.agent.Owner;

/**
 * Tells agents when a ticket changes hands without their doing (invariant 5, "nobody is forgotten"), in the
 * caller's transaction. The mail side ({@code Handover}, in this package) implements it.
 */
public interface OwnershipNotices {
    /** {@code to} now owns the ticket, by {@code by}; {@code previous} is who held it before. */
    void assigned(DSLContext tx, long ticketId, Agent to, Optional<Owner> previous, String by, Long byAgentIdOrNull,
                  Instant now);

    /** The ticket was let go: the mailbox's active agents learn it is free, all but the one who let it go. */
    void released(DSLContext tx, long ticketId, String by, Long byAgentIdOrNull, Instant now);
}
