package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.MESSAGE;
import static org.postdesk.store.db.Tables.PARTICIPANT;
import static org.postdesk.store.db.Tables.TICKET;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.impl.DSL;
import org.postdesk.store.db.Sequences;
import org.postdesk.store.db.tables.records.ParticipantRecord;
import org.postdesk.store.db.tables.records.TicketRecord;
import org.postdesk.tickets.TicketNumber;
import org.postdesk.tickets.TicketStatus;

/** Tickets and their participants. Construct it over the transaction's context. */
public final class TicketRepository {
    private final DSLContext dsl;

    public TicketRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A new number from the database sequence: unique across threads and daemons, never reused. */
    public TicketNumber nextNumber() {
        return TicketNumber.fromSequence(dsl.nextval(Sequences.TICKET_NUMBER_SEQ));
    }

    public long insert(NewTicket t) {
        return insertRow(t).id();
    }

    /**
     * Inserts the ticket and returns its row as stored (defaults and all) from the same statement, for a caller that
     * goes on to show it (the new-ticket notice), so it need not read it back.
     */
    public TicketRow insertRow(NewTicket t) {
        return dsl.insertInto(TICKET)
                .set(TICKET.NUMBER, t.number().value())
                .set(TICKET.MAILBOX_ID, t.mailboxId())
                .set(TICKET.SUBJECT, t.subject())
                .set(TICKET.STATUS, TicketStatus.NEW.name())
                .set(TICKET.REQUESTER, t.requester())
                .set(TICKET.REQUESTER_NAME, t.requesterName())
                .set(TICKET.LOCALE, t.locale())
                .set(TICKET.LINKED_TICKET_ID, t.linkedTicketId())
                .set(TICKET.CREATED_AT, toDb(t.createdAt()))
                .set(TICKET.UPDATED_AT, toDb(t.createdAt()))
                .returning()
                .fetchOne(TicketRepository::toRow);
    }

    public Optional<TicketRow> byNumber(TicketNumber number) {
        return dsl.selectFrom(TICKET).where(TICKET.NUMBER.eq(number.value())).fetchOptional(TicketRepository::toRow);
    }

    /**
     * The ticket of the first message (in or out) with this Message-ID, in one statement: threading asks it for
     * every reply header, and asked the message's ticket id and then the ticket before.
     */
    public Optional<TicketRow> byMessageId(String messageId) {
        return dsl.selectFrom(TICKET).where(TICKET.ID.eq(DSL.field(dsl.select(MESSAGE.TICKET_ID).from(MESSAGE)
                        .where(MESSAGE.MESSAGE_ID.eq(messageId)).orderBy(MESSAGE.ID).limit(1))))
                .fetchOptional(TicketRepository::toRow);
    }

    public Optional<TicketRow> byId(long id) {
        return dsl.selectFrom(TICKET).where(TICKET.ID.eq(id)).fetchOptional(TicketRepository::toRow);
    }

    /** Those of {@code ids} that exist, by id, with one query. */
    public Map<Long, TicketRow> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, TicketRow> rows = new HashMap<>();
        dsl.selectFrom(TICKET).where(TICKET.ID.in(ids)).fetch(TicketRepository::toRow).forEach(t -> rows.put(t.id(), t));
        return rows;
    }

    public List<TicketRow> list(TicketStatus statusOrNull, int limit) {
        if (statusOrNull == null) {
            return dsl.selectFrom(TICKET).orderBy(TICKET.ID.desc()).limit(limit).fetch(TicketRepository::toRow);
        }
        // Ordered by the whole index key (status, id DESC) of V27, status being one value here: H2 then reads
        // the index in order and stops at the limit instead of sorting every ticket in the status.
        return dsl.selectFrom(TICKET).where(TICKET.STATUS.eq(statusOrNull.name()))
                .orderBy(TICKET.STATUS, TICKET.ID.desc()).limit(limit).fetch(TicketRepository::toRow);
    }

    /** Sets the status; closing stamps closed_at, any other status clears it. */
    public void updateStatus(long id, TicketStatus status, Instant now) {
        dsl.update(TICKET)
                .set(TICKET.STATUS, status.name())
                .set(TICKET.CLOSED_AT, status.isClosed() ? toDb(now) : null)
                .set(TICKET.UPDATED_AT, toDb(now))
                .where(TICKET.ID.eq(id))
                .execute();
    }

    public void touch(long id, Instant now) {
        dsl.update(TICKET).set(TICKET.UPDATED_AT, toDb(now)).where(TICKET.ID.eq(id)).execute();
    }

    /**
     * The requester of a ticket this transaction has just inserted: a plain INSERT, as no participant of the new
     * ticket can exist yet. {@link #addParticipant}'s conflict clause is a MERGE on H2, which jOOQ renders at length
     * and H2 parses again every time (it caches no MERGE), on every new ticket of a drain (issue 16).
     */
    public void addRequesterOfNew(long ticketId, String address) {
        insertParticipant(ticketId, address, "REQUESTER").execute();
    }

    public void addParticipant(long ticketId, String address, String role) {
        insertParticipant(ticketId, address, role).onConflictDoNothing().execute();
    }

    private InsertSetMoreStep<ParticipantRecord> insertParticipant(long ticketId, String address, String role) {
        return dsl.insertInto(PARTICIPANT)
                .set(PARTICIPANT.TICKET_ID, ticketId)
                .set(PARTICIPANT.ADDRESS, address)
                .set(PARTICIPANT.ROLE, role);
    }

    public Set<String> participants(long ticketId) {
        return new LinkedHashSet<>(dsl.select(PARTICIPANT.ADDRESS).from(PARTICIPANT)
                .where(PARTICIPANT.TICKET_ID.eq(ticketId)).orderBy(PARTICIPANT.ROLE.desc(), PARTICIPANT.ADDRESS)
                .fetch(PARTICIPANT.ADDRESS));
    }

    public List<String> participantsWithRole(long ticketId, String role) {
        return dsl.select(PARTICIPANT.ADDRESS).from(PARTICIPANT)
                .where(PARTICIPANT.TICKET_ID.eq(ticketId).and(PARTICIPANT.ROLE.eq(role)))
                .orderBy(PARTICIPANT.ADDRESS).fetch(PARTICIPANT.ADDRESS);
    }

    /** Merges and merge lookups over the same context. */
    public TicketMerges merges() {
        return new TicketMerges(dsl);
    }

    public int count() {
        return dsl.fetchCount(TICKET);
    }

    static TicketRow toRow(TicketRecord r) {
        return new TicketRow(r.getId(), new TicketNumber(r.getNumber()), r.getMailboxId(), r.getSubject(),
                TicketStatus.valueOf(r.getStatus()), r.getPriority(), r.getCategory(), r.getRequester(),
                r.getRequesterName(), r.getLocale(), r.getOwnerAgentId(), fromDb(r.getOwnerSince()),
                r.getLinkedTicketId(), fromDb(r.getCreatedAt()), fromDb(r.getUpdatedAt()), fromDb(r.getClosedAt()));
    }
}
