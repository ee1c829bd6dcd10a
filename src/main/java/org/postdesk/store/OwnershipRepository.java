package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.MESSAGE;
import static org.postdesk.store.db.Tables.TICKET;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.postdesk.tickets.agent.Owner;
import org.postdesk.tickets.agent.TakeResult;

/**
 * Who holds a ticket (invariant 3). Taking a free ticket is one conditional update checked by its
 * row count, so of several agents racing on any number of daemons exactly one wins.
 */
public final class OwnershipRepository {
    /** A release racing the take can empty the owner between our update and our read; retry that. */
    private static final int TAKE_ATTEMPTS = 3;

    private final DSLContext dsl;

    public OwnershipRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Takes the ticket for {@code agentId} if nobody holds it. */
    public TakeResult take(long ticketId, long agentId, Instant now) {
        for (int attempt = 0; attempt < TAKE_ATTEMPTS; attempt++) {
            int updated = dsl.update(TICKET)
                    .set(TICKET.OWNER_AGENT_ID, agentId).set(TICKET.OWNER_SINCE, toDb(now))
                    .set(TICKET.UPDATED_AT, toDb(now))
                    .where(TICKET.ID.eq(ticketId).and(TICKET.OWNER_AGENT_ID.isNull()))
                    .execute();
            if (updated == 1) {
                return new TakeResult.Taken(new Owner(agentId, now));
            }
            if (!dsl.fetchExists(TICKET, TICKET.ID.eq(ticketId))) {
                return new TakeResult.NotFound();
            }
            Optional<Owner> owner = owner(ticketId);
            if (owner.isPresent()) {
                return owner.get().agentId() == agentId
                        ? new TakeResult.Taken(owner.get()) : new TakeResult.HeldBy(owner.get());
            }
            // Neither free nor held as committed: another transaction is changing the row (a take or release not
            // committed yet; H2 then matched no row at once). Wait for it by locking the row, then decide again:
            // without the wait three quick attempts ran out while five agents replied at once, and the reply was
            // stored as a bad message.
            dsl.selectOne().from(TICKET).where(TICKET.ID.eq(ticketId)).forUpdate().fetch();
        }
        throw new IllegalStateException("ticket id " + ticketId + ": take kept racing with releases");
    }

    public Optional<Owner> owner(long ticketId) {
        return dsl.select(TICKET.OWNER_AGENT_ID, TICKET.OWNER_SINCE).from(TICKET)
                .where(TICKET.ID.eq(ticketId).and(TICKET.OWNER_AGENT_ID.isNotNull()))
                .fetchOptional(r -> new Owner(r.value1(), fromDb(r.value2())));
    }

    /**
     * {@link #owner} after waiting for any transaction that is changing the ticket row (a take not committed yet):
     * the row is locked until this transaction ends.
     */
    public Optional<Owner> ownerLocked(long ticketId) {
        return dsl.select(TICKET.OWNER_AGENT_ID, TICKET.OWNER_SINCE).from(TICKET).where(TICKET.ID.eq(ticketId))
                .forUpdate().fetchOptional()
                .filter(r -> r.value1() != null).map(r -> new Owner(r.value1(), fromDb(r.value2())));
    }

    /** Frees the ticket if {@code owner} still holds it since the same moment; false otherwise. */
    public boolean release(long ticketId, Owner owner, Instant now) {
        return dsl.update(TICKET)
                .setNull(TICKET.OWNER_AGENT_ID).setNull(TICKET.OWNER_SINCE).set(TICKET.UPDATED_AT, toDb(now))
                .where(TICKET.ID.eq(ticketId).and(TICKET.OWNER_AGENT_ID.eq(owner.agentId()))
                        .and(TICKET.OWNER_SINCE.eq(toDb(owner.since()))))
                .execute() == 1;
    }

    /** Gives the ticket to {@code agentId} whoever holds it (#steal, #assign, an admin); returns the previous owner. */
    public Optional<Owner> assign(long ticketId, long agentId, Instant now) {
        Optional<Owner> previous = dsl.select(TICKET.OWNER_AGENT_ID, TICKET.OWNER_SINCE).from(TICKET)
                .where(TICKET.ID.eq(ticketId).and(TICKET.OWNER_AGENT_ID.isNotNull()))
                .forUpdate()
                .fetchOptional(r -> new Owner(r.value1(), fromDb(r.value2())));
        dsl.update(TICKET).set(TICKET.OWNER_AGENT_ID, agentId).set(TICKET.OWNER_SINCE, toDb(now))
                .set(TICKET.UPDATED_AT, toDb(now)).where(TICKET.ID.eq(ticketId)).execute();
        return previous;
    }

    /** Tickets someone holds that are still being worked on: the idle sweep's candidates. */
    public List<Owned> ownedOpenTickets() {
        return dsl.select(TICKET.ID, TICKET.MAILBOX_ID, TICKET.OWNER_AGENT_ID, TICKET.OWNER_SINCE).from(TICKET)
                .where(TICKET.OWNER_AGENT_ID.isNotNull()
                        .and(OpenStatuses.ticketIsOpen()))
                .orderBy(TICKET.ID)
                .fetch(r -> new Owned(r.value1(), r.value2(), new Owner(r.value3(), fromDb(r.value4()))));
    }

    /**
     * The held open tickets whose owner has been idle, by the wall clock, since {@code cutoff} at least: held since
     * then and no message of the owner's on the ticket after it. Idle time counts from the later of the two and
     * business time never exceeds wall time, so no other held ticket can be due for an idle release; the sweep
     * every minute reads these instead of every held ticket (100,000 of them in a seeded store of a million, one
     * transaction each).
     */
    public List<Owned> ownedOpenTicketsIdleSince(Instant cutoff) {
        var owner = MESSAGE.as("owner_message");
        return dsl.select(TICKET.ID, TICKET.MAILBOX_ID, TICKET.OWNER_AGENT_ID, TICKET.OWNER_SINCE).from(TICKET)
                .where(TICKET.OWNER_AGENT_ID.isNotNull()
                        .and(OpenStatuses.ticketIsOpen())
                        .and(TICKET.OWNER_SINCE.le(toDb(cutoff)))
                        .andNotExists(DSL.selectOne().from(owner).where(owner.TICKET_ID.eq(TICKET.ID)
                                .and(owner.AGENT_ID.eq(TICKET.OWNER_AGENT_ID))
                                .and(owner.STORED_AT.gt(toDb(cutoff))))))
                .orderBy(TICKET.ID)
                .fetch(r -> new Owned(r.value1(), r.value2(), new Owner(r.value3(), fromDb(r.value4()))));
    }

    /** A held ticket. */
    public record Owned(long ticketId, long mailboxId, Owner owner) {
    }
}
