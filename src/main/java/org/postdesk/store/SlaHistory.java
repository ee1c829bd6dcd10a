package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.db.Tables.MESSAGE;
import static org.postdesk.store.db.Tables.TICKET;
import static org.postdesk.store.db.Tables.TICKET_EVENT;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        return eventsOf(Map.of(ticketId, fromDb(created.get()))).get(ticketId);
    }

    /**
     * The events of each ticket of {@code createdAt} (its id → its creation), in the order they happened, with two
     * queries however many tickets there are (the SLA sweeper replays a batch at a time).
     */
    public Map<Long, List<SlaEvent>> eventsOf(Map<Long, Instant> createdAt) {
        if (createdAt.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<SlaEvent>> events = new HashMap<>();
        createdAt.forEach((id, at) -> events.computeIfAbsent(id, k -> new ArrayList<>()).add(new SlaEvent.Opened(at)));
        Set<Long> opened = new HashSet<>();
        dsl.select(MESSAGE.TICKET_ID, MESSAGE.DIRECTION, MESSAGE.KIND, MESSAGE.STORED_AT).from(MESSAGE)
                .where(MESSAGE.TICKET_ID.in(createdAt.keySet())).orderBy(MESSAGE.TICKET_ID, MESSAGE.ID).forEach(r -> {
                    if ("IN".equals(r.value2()) && CUSTOMER.equals(r.value3())) {
                        // The first customer message opened the ticket; it is not a follow-up.
                        if (!opened.add(r.value1())) {
                            events.get(r.value1()).add(new SlaEvent.CustomerWrote(fromDb(r.value4())));
                        }
                    } else if ("OUT".equals(r.value2()) && REPLY.equals(r.value3())) {
                        events.get(r.value1()).add(new SlaEvent.AgentReplied(fromDb(r.value4())));
                    }
                });
        new EventRepository(dsl).flush(); // the lines this transaction still holds count too
        dsl.select(TICKET_EVENT.TICKET_ID, TICKET_EVENT.TYPE, TICKET_EVENT.DETAIL, TICKET_EVENT.AT).from(TICKET_EVENT)
                .where(TICKET_EVENT.TICKET_ID.in(createdAt.keySet()), TICKET_EVENT.TYPE.in("status", "merged-into"))
                .orderBy(TICKET_EVENT.TICKET_ID, TICKET_EVENT.ID).forEach(r -> {
                    List<SlaEvent> of = events.get(r.value1());
                    if ("merged-into".equals(r.value2())) {
                        of.add(new SlaEvent.MergedAway(fromDb(r.value4())));
                    } else {
                        statusTo(r.value3()).ifPresent(s -> of.add(new SlaEvent.StatusSet(fromDb(r.value4()), s)));
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
