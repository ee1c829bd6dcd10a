package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.HELD_REPLY;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.store.db.tables.records.HeldReplyRecord;

/** Replies held back from the customer. Construct it over the transaction's context. */
public final class HeldReplyRepository {
    private final DSLContext dsl;

    public HeldReplyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long insert(long ticketId, long agentId, long messageId, String reason, String body, Instant now) {
        return dsl.insertInto(HELD_REPLY)
                .set(HELD_REPLY.TICKET_ID, ticketId).set(HELD_REPLY.AGENT_ID, agentId)
                .set(HELD_REPLY.MESSAGE_ID, messageId).set(HELD_REPLY.REASON, reason)
                .set(HELD_REPLY.STATUS, HeldReply.HELD).set(HELD_REPLY.BODY, body)
                .set(HELD_REPLY.CREATED_AT, toDb(now))
                .returningResult(HELD_REPLY.ID)
                .fetchOne(HELD_REPLY.ID);
    }

    public Optional<HeldReply> byId(long id) {
        return dsl.selectFrom(HELD_REPLY).where(HELD_REPLY.ID.eq(id)).fetchOptional(HeldReplyRepository::toHeld);
    }

    public List<HeldReply> byTicket(long ticketId) {
        return dsl.selectFrom(HELD_REPLY).where(HELD_REPLY.TICKET_ID.eq(ticketId)).orderBy(HELD_REPLY.ID)
                .fetch(HeldReplyRepository::toHeld);
    }

    /** Marks it sent if it is still held: true for exactly one caller, so {@code #send} relays it once. */
    public boolean markSent(long id, Instant now) {
        return dsl.update(HELD_REPLY).set(HELD_REPLY.STATUS, HeldReply.SENT).set(HELD_REPLY.RESOLVED_AT, toDb(now))
                .where(HELD_REPLY.ID.eq(id).and(HELD_REPLY.STATUS.eq(HeldReply.HELD)))
                .execute() == 1;
    }

    /** Undoes {@link #markSent} in the same transaction when the reply could not be queued after all. */
    public void markHeldAgain(long id) {
        dsl.update(HELD_REPLY).set(HELD_REPLY.STATUS, HeldReply.HELD).setNull(HELD_REPLY.RESOLVED_AT)
                .where(HELD_REPLY.ID.eq(id)).execute();
    }

    private static HeldReply toHeld(HeldReplyRecord r) {
        return new HeldReply(r.getId(), r.getTicketId(), r.getAgentId(), r.getMessageId(), r.getReason(),
                r.getStatus(), r.getBody(), fromDb(r.getCreatedAt()), fromDb(r.getResolvedAt()));
    }
}
