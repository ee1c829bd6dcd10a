package org.postdesk.store;

import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.AGENT;
import static org.postdesk.store.db.Tables.AGENT_ADDRESS;
import static org.postdesk.store.db.Tables.AGENT_MAILBOX;
import static org.postdesk.store.db.Tables.MAILBOX;
import static org.postdesk.store.db.Tables.MESSAGE;
import static org.postdesk.store.db.Tables.TICKET;

import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.postdesk.tickets.TicketStatus;

/**
 * Writes ticket histories straight into the store, as the daemon would have left them: the ticket, its
 * customer mails and relayed agent replies, and status changes with their audit lines. For the sandbox's
 * demo data, the report fixtures and the report benchmark; the daemon itself never uses it.
 */
public final class HistoryWriter {
    private final DSLContext dsl;

    public HistoryWriter(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long mailbox(String name, String address) {
        return dsl.insertInto(MAILBOX).set(MAILBOX.NAME, name).set(MAILBOX.ADDRESS, address)
                .set(MAILBOX.IMAP_URL, "imap://" + name + "@localhost/INBOX").set(MAILBOX.SMTP_URL, "smtp://localhost")
                .set(MAILBOX.TAG_LABEL, Character.toUpperCase(name.charAt(0)) + name.substring(1))
                .returningResult(MAILBOX.ID).fetchOne(MAILBOX.ID);
    }

    public long agent(String name, String address, long mailboxId) {
        long id = dsl.insertInto(AGENT).set(AGENT.NAME, name).returningResult(AGENT.ID).fetchOne(AGENT.ID);
        dsl.insertInto(AGENT_ADDRESS).set(AGENT_ADDRESS.ADDRESS, address).set(AGENT_ADDRESS.AGENT_ID, id)
                .set(AGENT_ADDRESS.IS_PRIMARY, true).execute();
        dsl.insertInto(AGENT_MAILBOX).set(AGENT_MAILBOX.AGENT_ID, id).set(AGENT_MAILBOX.MAILBOX_ID, mailboxId).execute();
        return id;
    }

    /** A new ticket with its first customer mail at {@code at}. */
    public long open(long mailboxId, String requester, String subject, Instant at) {
        TicketRepository tickets = new TicketRepository(dsl);
        long id = tickets.insert(new NewTicket(tickets.nextNumber(), mailboxId, subject, requester, null, "en", null, at));
        new EventRepository(dsl).record(id, at, "postdesk", "created", "from " + requester);
        customerMail(id, requester, subject, at);
        return id;
    }

    public void customerMail(long ticketId, String from, String subject, Instant at) {
        message(ticketId, "IN", "CUSTOMER", from, subject, at, null);
        new EventRepository(dsl).record(ticketId, at, from, "message-in", subject);
    }

    /** An agent reply relayed to the customer. */
    public void reply(long ticketId, long agentId, String agentAddress, Instant at) {
        message(ticketId, "OUT", "REPLY", agentAddress, "Re", at, agentId);
        new EventRepository(dsl).record(ticketId, at, agentAddress, "reply-out", "reply");
    }

    /** A status change by {@code actor}, with the ticket row updated as the daemon does it. */
    public void status(long ticketId, TicketStatus from, TicketStatus to, String actor, Instant at) {
        new TicketRepository(dsl).updateStatus(ticketId, to, at);
        new EventRepository(dsl).record(ticketId, at, actor, "status", from + " -> " + to);
    }

    public void categorise(long ticketId, String category, String priority) {
        dsl.update(TICKET).set(TICKET.CATEGORY, category).set(TICKET.PRIORITY, priority)
                .where(TICKET.ID.eq(ticketId)).execute();
    }

    public void own(long ticketId, long agentId, Instant at) {
        dsl.update(TICKET).set(TICKET.OWNER_AGENT_ID, agentId).set(TICKET.OWNER_SINCE, toDb(at))
                .where(TICKET.ID.eq(ticketId)).execute();
    }

    /** Marks {@code ticketId} as merged into {@code intoId} and closed, without moving anything. */
    public void markMerged(long ticketId, long intoId, Instant at) {
        dsl.update(TICKET).set(TICKET.MERGED_INTO_ID, intoId).set(TICKET.STATUS, TicketStatus.CLOSED.name())
                .set(TICKET.CLOSED_AT, toDb(at)).where(TICKET.ID.eq(ticketId)).execute();
        new EventRepository(dsl).record(ticketId, at, "admin:test", "merged-into", "merged");
    }

    private void message(long ticketId, String direction, String kind, String from, String subject, Instant at,
                         Long agentId) {
        String id = "<" + UUID.randomUUID() + "@history.invalid>";
        dsl.insertInto(MESSAGE).set(MESSAGE.TICKET_ID, ticketId).set(MESSAGE.DIRECTION, direction)
                .set(MESSAGE.KIND, kind).set(MESSAGE.DEDUPE_KEY, id).set(MESSAGE.MESSAGE_ID, id)
                .set(MESSAGE.FROM_ADDR, from).set(MESSAGE.SUBJECT, subject).set(MESSAGE.SENT_AT, toDb(at))
                .set(MESSAGE.STORED_AT, toDb(at)).set(MESSAGE.BODY_TEXT, subject).set(MESSAGE.AGENT_ID, agentId)
                .execute();
    }
}
