package org.postdesk.store;

import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.MESSAGE;
import static org.postdesk.store.db.Tables.OUTBOX;
import static org.postdesk.store.db.Tables.PARTICIPANT;
import static org.postdesk.store.db.Tables.TICKET;
import static org.postdesk.store.db.Tables.TICKET_EVENT;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.tickets.TicketStatus;

/**
 * Merging one ticket into another: its messages, participants, history and queued mail move to the
 * survivor, and the merged ticket is closed and points to it. Threading finds tickets by the Message-IDs
 * of their messages, so a customer's later reply to either thread lands in the survivor; a subject tag
 * with the merged number is resolved through {@link #survivorOf}. Construct it over the transaction's
 * context: a merge must be one transaction.
 */
public final class TicketMerges {
    /** Merges chain (A into B, later B into C); a bound keeps a corrupt cycle from looping forever. */
    private static final int MAX_HOPS = 16;

    private final DSLContext dsl;

    public TicketMerges(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What moved. */
    public record Moved(int messages, int participants, int events) {
    }

    /** Moves everything of ticket {@code fromId} to {@code intoId}; the caller checked both exist and differ. */
    public Moved merge(long fromId, long intoId, Instant now) {
        int messages = dsl.update(MESSAGE).set(MESSAGE.TICKET_ID, intoId).where(MESSAGE.TICKET_ID.eq(fromId)).execute();
        TicketRepository tickets = new TicketRepository(dsl);
        int participants = 0;
        for (var p : dsl.select(PARTICIPANT.ADDRESS, PARTICIPANT.ROLE).from(PARTICIPANT)
                .where(PARTICIPANT.TICKET_ID.eq(fromId)).fetch()) {
            tickets.addParticipant(intoId, p.value1(), p.value2());
            participants++;
        }
        dsl.deleteFrom(PARTICIPANT).where(PARTICIPANT.TICKET_ID.eq(fromId)).execute();
        new EventRepository(dsl).flush(); // the lines this transaction still holds move too
        int events = dsl.update(TICKET_EVENT).set(TICKET_EVENT.TICKET_ID, intoId)
                .where(TICKET_EVENT.TICKET_ID.eq(fromId)).execute();
        dsl.update(OUTBOX).set(OUTBOX.TICKET_ID, intoId).where(OUTBOX.TICKET_ID.eq(fromId)).execute();
        dsl.update(TICKET)
                .set(TICKET.STATUS, TicketStatus.CLOSED.name()).set(TICKET.CLOSED_AT, toDb(now))
                .set(TICKET.UPDATED_AT, toDb(now)).set(TICKET.MERGED_INTO_ID, intoId)
                .where(TICKET.ID.eq(fromId)).execute();
        tickets.touch(intoId, now);
        return new Moved(messages, participants, events);
    }

    /** The ticket {@code id} was merged into, if it was. */
    public Optional<Long> mergedInto(long id) {
        return dsl.select(TICKET.MERGED_INTO_ID).from(TICKET).where(TICKET.ID.eq(id))
                .fetchOptional(TICKET.MERGED_INTO_ID).filter(v -> v != null);
    }

    /** The ticket that holds {@code id}'s conversation now: {@code id} itself unless it was merged. */
    public long survivorOf(long id) {
        long current = id;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            Optional<Long> next = mergedInto(current);
            if (next.isEmpty()) {
                return current;
            }
            current = next.get();
        }
        return current;
    }
}
