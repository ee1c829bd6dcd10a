package org.postdesk.reports;

import static org.postdesk.reports.FactConditions.closedIn;
import static org.postdesk.reports.FactConditions.createdIn;
import static org.postdesk.reports.FactConditions.percentile;
import static org.postdesk.reports.FactConditions.ratio;
import static org.postdesk.store.db.Tables.AGENT;
import static org.postdesk.store.db.Tables.AGENT_ADDRESS;
import static org.postdesk.store.db.Tables.HELD_REPLY;
import static org.postdesk.store.db.Tables.MESSAGE;
import static org.postdesk.store.db.Tables.SURVEY;
import static org.postdesk.store.db.Tables.TICKET;
import static org.postdesk.store.db.Tables.TICKET_EVENT;
import static org.postdesk.store.db.Tables.TICKET_FACT;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.postdesk.reports.ReportTable.Seconds;
import org.postdesk.reports.ReportTable.Share;

/** {@code report agents}: per agent, what they took, sent and closed, how fast, how well, and what they hold now. */
public record AgentsReport(ReportFilter filter, List<AgentRow> agents) implements Report {
    public AgentsReport {
        agents = List.copyOf(agents);
    }

    public static AgentsReport run(DSLContext dsl, ReportFilter f) {
        Map<Long, Long> taken = taken(dsl, f);
        Map<Long, Long> replies = counts(dsl.select(MESSAGE.AGENT_ID, DSL.count()).from(MESSAGE)
                .join(TICKET_FACT).on(TICKET_FACT.TICKET_ID.eq(MESSAGE.TICKET_ID))
                .where(MESSAGE.DIRECTION.eq("OUT")).and(MESSAGE.KIND.eq("REPLY")).and(MESSAGE.AGENT_ID.isNotNull())
                .and(FactConditions.in(MESSAGE.STORED_AT, f.from(), f.to())).and(FactConditions.counted(f.withAgent(null)))
                .groupBy(MESSAGE.AGENT_ID).fetch());
        Map<Long, Record> closed = byAgent(dsl.select(TICKET_FACT.CLOSER_AGENT_ID, DSL.count(),
                        DSL.count().filterWhere(TICKET_FACT.FCR.isTrue()))
                .from(TICKET_FACT).where(closedIn(f.withAgent(null))).groupBy(TICKET_FACT.CLOSER_AGENT_ID).fetch());
        Map<Long, Record> frt = byAgent(dsl.select(TICKET_FACT.RESPONDER_AGENT_ID, percentile(0.5, TICKET_FACT.FRT_S),
                        percentile(0.5, TICKET_FACT.FRT_BS))
                .from(TICKET_FACT).where(createdIn(f.withAgent(null))).and(TICKET_FACT.FRT_S.isNotNull())
                .groupBy(TICKET_FACT.RESPONDER_AGENT_ID).fetch());
        Map<Long, Record> csat = byAgent(dsl.select(TICKET_FACT.CLOSER_AGENT_ID, DSL.count(SURVEY.RATED_AT),
                        DSL.count().filterWhere(SURVEY.GOOD.isTrue()))
                .from(SURVEY).join(TICKET_FACT).on(TICKET_FACT.TICKET_ID.eq(SURVEY.TICKET_ID))
                .where(FactConditions.counted(f.withAgent(null))).and(FactConditions.in(SURVEY.SENT_AT, f.from(), f.to()))
                .groupBy(TICKET_FACT.CLOSER_AGENT_ID).fetch());
        Map<Long, Record> held = byAgent(dsl.select(HELD_REPLY.AGENT_ID,
                        DSL.count().filterWhere(HELD_REPLY.REASON.eq("OWNER")),
                        DSL.count().filterWhere(HELD_REPLY.REASON.eq("STALE")))
                .from(HELD_REPLY).where(FactConditions.in(HELD_REPLY.CREATED_AT, f.from(), f.to()))
                .groupBy(HELD_REPLY.AGENT_ID).fetch());
        Map<Long, Long> open = counts(dsl.select(TICKET.OWNER_AGENT_ID, DSL.count()).from(TICKET)
                .where(TICKET.OWNER_AGENT_ID.isNotNull()).and(TICKET.STATUS.in("NEW", "OPEN", "PENDING"))
                .and(f.mailboxId() == null ? DSL.noCondition() : TICKET.MAILBOX_ID.eq(f.mailboxId()))
                .groupBy(TICKET.OWNER_AGENT_ID).fetch());
        List<AgentRow> rows = dsl.select(AGENT.ID, AGENT.NAME, AGENT_ADDRESS.ADDRESS).from(AGENT)
                .leftJoin(AGENT_ADDRESS).on(AGENT_ADDRESS.AGENT_ID.eq(AGENT.ID).and(AGENT_ADDRESS.IS_PRIMARY.isTrue()))
                .where(f.agentId() == null ? DSL.noCondition() : AGENT.ID.eq(f.agentId()))
                .orderBy(AGENT.NAME).fetch(r -> {
                    long id = r.value1();
                    Record c = closed.get(id);
                    Record s = csat.get(id);
                    Record h = held.get(id);
                    Record t = frt.get(id);
                    long closedN = c == null ? 0 : c.get(1, Long.class);
                    return new AgentRow(id, r.value2(), r.value3(), taken.getOrDefault(id, 0L),
                            replies.getOrDefault(id, 0L), closedN, t == null ? null : FactConditions.seconds(t.get(1, BigDecimal.class)),
                            t == null ? null : FactConditions.seconds(t.get(2, BigDecimal.class)),
                            c == null ? null : ratio(c.get(2, Long.class), closedN),
                            s == null ? null : ratio(s.get(2, Long.class), s.get(1, Long.class)),
                            s == null ? 0 : s.get(1, Long.class), h == null ? 0 : h.get(1, Long.class),
                            h == null ? 0 : h.get(2, Long.class), open.getOrDefault(id, 0L));
                });
        return new AgentsReport(f, rows);
    }

    /** #take and #steal by the agent, and assignments to the agent ("to alice@…"). */
    private static Map<Long, Long> taken(DSLContext dsl, ReportFilter f) {
        Map<String, Long> byAddress = dsl.select(AGENT_ADDRESS.ADDRESS, AGENT_ADDRESS.AGENT_ID).from(AGENT_ADDRESS)
                .fetchMap(AGENT_ADDRESS.ADDRESS, AGENT_ADDRESS.AGENT_ID);
        Map<Long, Long> n = new HashMap<>();
        dsl.select(TICKET_EVENT.TYPE, TICKET_EVENT.ACTOR, TICKET_EVENT.DETAIL).from(TICKET_EVENT)
                .join(TICKET_FACT).on(TICKET_FACT.TICKET_ID.eq(TICKET_EVENT.TICKET_ID))
                .where(TICKET_EVENT.TYPE.in("take", "steal", "assign"))
                .and(FactConditions.in(TICKET_EVENT.AT, f.from(), f.to())).and(FactConditions.counted(f.withAgent(null)))
                .forEach(r -> {
                    String who = "assign".equals(r.value1()) && r.value3() != null && r.value3().startsWith("to ")
                            ? r.value3().substring(3).trim() : r.value2();
                    Long id = byAddress.get(who);
                    if (id != null) {
                        n.merge(id, 1L, Long::sum);
                    }
                });
        return n;
    }

    private static Map<Long, Long> counts(List<? extends Record> rows) {
        Map<Long, Long> m = new HashMap<>();
        rows.forEach(r -> m.put(r.get(0, Long.class), r.get(1, Long.class)));
        return m;
    }

    private static Map<Long, Record> byAgent(List<? extends Record> rows) {
        Map<Long, Record> m = new HashMap<>();
        rows.stream().filter(r -> r.get(0) != null).forEach(r -> m.put(r.get(0, Long.class), r));
        return m;
    }

    @Override
    public Object data() {
        return this;
    }

    @Override
    public List<Chart> charts() {
        return List.of(Charts.agentLoad(this));
    }

    @Override
    public List<ReportTable> tables() {
        ReportTable.Builder t = new ReportTable.Builder("Agents " + ReportPeriods.describe(filter), "agent", "address",
                "taken", "replies", "closed", "first response median", "first response median (business)", "FCR",
                "satisfaction", "rated", "held", "stale", "open now");
        agents.forEach(a -> t.row(a.agent(), a.address(), a.ticketsTaken(), a.repliesSent(), a.ticketsClosed(),
                Seconds.of(a.firstResponseMedian()), Seconds.of(a.firstResponseMedianBusiness()), Share.of(a.fcrRate()),
                Share.of(a.satisfaction()), a.rated(), a.held(), a.stale(), a.openNow()));
        t.note("taken: #take, #steal and assignments; held: replies kept back because another agent held the ticket;"
                + " stale: kept back because the customer wrote meanwhile; open now: tickets the agent holds today.");
        return List.of(t.build());
    }
}
