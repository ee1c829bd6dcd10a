package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.db.Tables.MAILBOX;
import static org.postdesk.store.db.Tables.OUTBOX;
import static org.postdesk.store.db.Tables.TICKET;
import static org.postdesk.store.db.Tables.TICKET_SLA;

import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.postdesk.sla.SlaState;

/** Read-only queries for metrics and the health check. */
public final class OpsRepository {
    private final DSLContext dsl;

    public OpsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every mailbox with its pending outbox mail (0 and null when none), by name. */
    public List<OutboxBacklog> outboxBacklog() {
        var pending = DSL.count(OUTBOX.ID);
        var oldest = DSL.min(OUTBOX.CREATED_AT);
        return dsl.select(MAILBOX.ID, MAILBOX.NAME, pending, oldest)
                .from(MAILBOX).leftJoin(OUTBOX).on(OUTBOX.MAILBOX_ID.eq(MAILBOX.ID).and(OUTBOX.STATUS.eq(OutboxRepository.PENDING)))
                .groupBy(MAILBOX.ID, MAILBOX.NAME).orderBy(MAILBOX.NAME)
                .fetch(r -> new OutboxBacklog(r.value1(), r.value2(), r.value3(), fromDb(r.value4())));
    }

    /**
     * Open tickets (not closed, not spam) with a breached SLA target, by mailbox name; mailboxes without any are
     * absent. Reads the breached rows only ({@code ticket_sla_state_ix}).
     */
    public Map<String, Integer> breachingTickets() {
        var tickets = DSL.countDistinct(TICKET.ID);
        return dsl.select(MAILBOX.NAME, tickets).from(TICKET_SLA).join(TICKET).on(TICKET.ID.eq(TICKET_SLA.TICKET_ID))
                .join(MAILBOX).on(MAILBOX.ID.eq(TICKET.MAILBOX_ID))
                .where(TICKET_SLA.STATE.eq(SlaState.BREACHED.name()), OpenStatuses.ticketIsOpen())
                .groupBy(MAILBOX.NAME).fetchMap(MAILBOX.NAME, tickets);
    }

    /** Throws {@link org.jooq.exception.DataAccessException} when the store cannot answer. */
    public void ping() {
        dsl.selectOne().fetch();
    }
}
