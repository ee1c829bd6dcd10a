package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.db.Tables.MESSAGE;
import static org.postdesk.store.db.Tables.TICKET;
import static org.postdesk.store.db.Tables.TICKET_EVENT;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.sla.SlaEvent;
import org.postdesk.tickets.TicketStatus;

/**
 * A ticket's history as the SLA clocks see it, read from what the rest of Postdesk already stores: the
 * ticket's creation, customer messages in, agent replies relayed out, status changes and merges. Reading
 * it (rather than being told at each change) keeps ingest and the agents' flow free of SLA code.
 */
public final class SlaHistory {
    private static final String CUSTOMER = "CUSTOMER";
    private static final String REPLY = "REPLY";
    private final DSLContext dsl;

    public SlaHistory(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The events in the order they happened; empty when there is no such ticket. */
    public List<SlaEvent> events(long ticketId) {
        Optional<OffsetDateTime> created = dsl.select(TICKET.CREATED_AT).from(TICKET)
                .where(TICKET.ID.eq(ticketId)).fetchOptional(TICKET.CREATED_AT);
        if (created.isEmpty()) {
            return List.of();
        }
        List<SlaEvent> events = new ArrayList<>();
        events.add(new SlaEvent.Opened(fromDb(created.get())));
        dsl.select(MESSAGE.DIRECTION, MESSAGE.KIND, MESSAGE.STORED_AT).from(MESSAGE)
                .where(MESSAGE.TICKET_ID.eq(ticketId)).orderBy(MESSAGE.ID).forEach(r -> {
                    if ("IN".equals(r.value1()) && CUSTOMER.equals(r.value2())) {
                        events.add(new SlaEvent.CustomerWrote(fromDb(r.value3())));
                    } else if ("OUT".equals(r.value1()) && REPLY.equals(r.value2())) {
                        events.add(new SlaEvent.AgentReplied(fromDb(r.value3())));
                    }
                });
        // The first customer message opened the ticket; it is not a follow-up.
        events.stream().filter(e -> e instanceof SlaEvent.CustomerWrote).findFirst().ifPresent(events::remove);
        new EventRepository(dsl).flush(); // the lines this transaction still holds count too
        dsl.select(TICKET_EVENT.TYPE, TICKET_EVENT.DETAIL, TICKET_EVENT.AT).from(TICKET_EVENT)
                .where(TICKET_EVENT.TICKET_ID.eq(ticketId), TICKET_EVENT.TYPE.in("status", "merged-into"))
                .orderBy(TICKET_EVENT.ID).forEach(r -> {
                    if ("merged-into".equals(r.value1())) {
                        events.add(new SlaEvent.MergedAway(fromDb(r.value3())));
                    } else {
                        statusTo(r.value2()).ifPresent(s -> events.add(new SlaEvent.StatusSet(fromDb(r.value3()), s)));
                    }
                });
        return events;
    }

    /** The new status of a {@code status} audit detail, {@code "OPEN -> PENDING"}. */
    static Optional<TicketStatus> statusTo(String detail) {
        if (detail == null || !detail.contains("->")) {
            return Optional.empty();
        }
        String to = detail.substring(detail.indexOf("->") + 2).trim().split("[^A-Z]", 2)[0];
        try {
            return Optional.of(TicketStatus.valueOf(to));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
