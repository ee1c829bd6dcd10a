package org.postdesk.app;

import java.time.Instant;
import org.jooq.DSLContext;
import org.postdesk.store.EventRepository;
import org.postdesk.store.OwnershipRepository;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.tickets.TicketStatus;
import org.postdesk.tickets.agent.Owner;

/**
 * The ticket rules that agents (by mail) and admins (on the command line) share, each written once and each
 * recording its audit line in the caller's transaction. Closing or marking spam lets the owner go: one voice
 * per ticket means nobody holds a ticket that is done.
 */
public final class TicketRules {
    private final DSLContext tx;
    private final Actor actor;
    private final Instant now;

    public TicketRules(DSLContext tx, Actor actor, Instant now) {
        this.tx = tx;
        this.actor = actor;
        this.now = now;
    }

    /** Moves the ticket to {@code to} with its audit line; false (nothing written) when it already is. */
    public boolean status(long ticketId, TicketStatus to) {
        TicketStatus before = ticket(ticketId).status();
        if (before == to) {
            return false;
        }
        new TicketRepository(tx).updateStatus(ticketId, to, now);
        event(ticketId, "status", before + " -> " + to + actor.via());
        return true;
    }

    /** Closes the ticket and frees it from its owner. */
    public void close(long ticketId) {
        status(ticketId, ticket(ticketId).status().close());
        releaseOwner(ticketId, "released on close");
    }

    /** Marks the ticket spam and frees it from its owner. */
    public void markSpam(long ticketId) {
        status(ticketId, ticket(ticketId).status().markSpam());
        releaseOwner(ticketId, "released as spam");
    }

    /** Frees the ticket from {@code owner}; false when it changed hands meanwhile. {@code detail} goes to the audit. */
    public boolean release(long ticketId, Owner owner, String detail) {
        if (new OwnershipRepository(tx).release(ticketId, owner, now)) {
            event(ticketId, "release", detail);
            return true;
        }
        return false;
    }

    public void event(long ticketId, String type, String detail) {
        new EventRepository(tx).record(ticketId, now, actor.name(), type, detail);
    }

    private void releaseOwner(long ticketId, String detail) {
        new OwnershipRepository(tx).owner(ticketId).ifPresent(o -> release(ticketId, o, detail));
    }

    private TicketRow ticket(long ticketId) {
        return new TicketRepository(tx).byId(ticketId).orElseThrow();
    }
}
