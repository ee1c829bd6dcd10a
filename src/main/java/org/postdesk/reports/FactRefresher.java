package org.postdesk.reports;

import static org.postdesk.reports.Times.fromDb;
import static org.postdesk.reports.Times.toDb;
import static org.postdesk.store.db.Tables.AGENT_ADDRESS;
import static org.postdesk.store.db.Tables.MAILBOX;
import static org.postdesk.store.db.Tables.MESSAGE;
import static org.postdesk.store.db.Tables.REPORT_REFRESH;
import static org.postdesk.store.db.Tables.TICKET;
import static org.postdesk.store.db.Tables.TICKET_EVENT;
import static org.postdesk.store.db.Tables.TICKET_FACT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.postdesk.store.CalendarRepository;
import org.postdesk.store.Database;
import org.postdesk.store.db.tables.records.ReportRefreshRecord;

/**
 * Keeps {@code ticket_fact} current: recomputes the facts of every ticket with an audit event since the
 * last refresh (all tickets when the working-time calendar changed). Runs before each report ({@code postdesk
 * report …}), not in the daemon; several at once are serialised by a row lock on {@code report_refresh}. Events may commit a little
 * after their time stamp, so each refresh looks {@link #SLACK} further back than the last one reached.
 */
public final class FactRefresher {
    static final Duration SLACK = Duration.ofMinutes(10);
    private static final int CHUNK = 2000;
    private static final int ROWS_PER_INSERT = 500;
    private static final Pattern CHANGE = Pattern.compile("([A-Z]+) -> ([A-Z]+)");

    private final Database db;
    private final FactCalculator calculator;
    private final WorkingTime working;
    private final Clock clock;

    public FactRefresher(Database db, WorkingTime working, Clock clock) {
        this.db = db;
        this.working = working;
        this.calculator = new FactCalculator(working);
        this.clock = clock;
    }

    /** Brings the facts up to date; returns how many tickets were recomputed. */
    public int refresh() {
        Instant now = clock.instant();
        Map<Long, FactCalculator> byMailbox = calendars();
        String calendars = working.describe() + byMailbox.keySet().stream().sorted()
                .map(id -> " | mailbox " + id + ": " + byMailbox.get(id).working().describe()).reduce("", String::concat);
        ReportRefreshRecord state = db.dsl().selectFrom(REPORT_REFRESH).where(REPORT_REFRESH.ID.eq(1)).fetchOne();
        boolean all = state == null || state.getEventsUntil() == null || !calendars.equals(state.getCalendar());
        Instant since = all ? null : fromDb(state.getEventsUntil()).minus(SLACK);
        int done = 0;
        long afterId = 0;
        while (true) {
            List<Long> ids = changedTickets(since, afterId);
            if (ids.isEmpty()) {
                break;
            }
            done += db.inTransaction(tx -> recompute(tx, ids, byMailbox));
            afterId = ids.get(ids.size() - 1);
        }
        db.inTransaction(tx -> {
            tx.update(REPORT_REFRESH).set(REPORT_REFRESH.EVENTS_UNTIL, toDb(now))
                    .set(REPORT_REFRESH.CALENDAR, calendars).set(REPORT_REFRESH.REFRESHED_AT, toDb(now))
                    .where(REPORT_REFRESH.ID.eq(1)).execute();
            return null;
        });
        return done;
    }

    private List<Long> changedTickets(Instant since, long afterId) {
        if (since == null) {
            return db.dsl().select(TICKET.ID).from(TICKET).where(TICKET.ID.gt(afterId)).orderBy(TICKET.ID)
                    .limit(CHUNK).fetch(TICKET.ID);
        }
        return db.dsl().selectDistinct(TICKET_EVENT.TICKET_ID).from(TICKET_EVENT)
                .where(TICKET_EVENT.AT.ge(toDb(since))).and(TICKET_EVENT.TICKET_ID.gt(afterId))
                .orderBy(TICKET_EVENT.TICKET_ID).limit(CHUNK).fetch(TICKET_EVENT.TICKET_ID);
    }

    /**
     * A calculator per mailbox with an SLA business calendar ({@code postdesk hours}); the others use
     * {@code report.business-hours}.
     */
    private Map<Long, FactCalculator> calendars() {
        Map<Long, FactCalculator> m = new HashMap<>();
        CalendarRepository calendars = new CalendarRepository(db.dsl());
        db.dsl().select(MAILBOX.ID).from(MAILBOX).fetch(MAILBOX.ID).forEach(id -> calendars.calendar(id)
                .ifPresent(c -> m.put(id, new FactCalculator(new SlaCalendarTime(c)))));
        return m;
    }

    private int recompute(DSLContext tx, List<Long> ids, Map<Long, FactCalculator> byMailbox) {
        // The lock makes concurrent refreshers take turns, so their delete-and-insert never collide.
        tx.selectFrom(REPORT_REFRESH).where(REPORT_REFRESH.ID.eq(1)).forUpdate().fetch();
        Map<String, Long> agents = tx.select(AGENT_ADDRESS.ADDRESS, AGENT_ADDRESS.AGENT_ID).from(AGENT_ADDRESS)
                .fetchMap(AGENT_ADDRESS.ADDRESS, AGENT_ADDRESS.AGENT_ID);
        Map<Long, List<TicketHistory.Mail>> mails = mails(tx, ids, within(MESSAGE.TICKET_ID, ids));
        Map<Long, List<TicketHistory.StatusChange>> changes = changes(tx, within(TICKET_EVENT.TICKET_ID, ids), agents);
        List<TicketFact> facts = tx.select(TICKET.ID, TICKET.MAILBOX_ID, TICKET.REQUESTER, TICKET.CATEGORY,
                        TICKET.PRIORITY, TICKET.STATUS, TICKET.MERGED_INTO_ID, TICKET.OWNER_AGENT_ID, TICKET.CREATED_AT,
                        TICKET.CLOSED_AT)
                .from(TICKET).where(within(TICKET.ID, ids))
                .fetch(r -> byMailbox.getOrDefault(r.value2(), calculator).compute(new TicketHistory(r.value1(), r.value2(), r.value3(), r.value4(),
                        r.value5(), r.value6(), r.value7() != null, r.value8(), fromDb(r.value9()), fromDb(r.value10()),
                        mails.getOrDefault(r.value1(), List.of()), changes.getOrDefault(r.value1(), List.of()))));
        tx.deleteFrom(TICKET_FACT).where(within(TICKET_FACT.TICKET_ID, ids)).execute();
        if (!facts.isEmpty()) {
            insert(tx, facts);
        }
        return facts.size();
    }

    /**
     * The rows of these tickets: an id range when the ids are dense (the full rebuild walks the table in id
     * order), which PostgreSQL serves from the index far faster than an IN list of thousands; else the list.
     * Tickets in the range but not in the list are recomputed too, which is harmless.
     */
    private static Condition within(Field<Long> id, List<Long> ids) {
        long first = ids.get(0);
        long last = ids.get(ids.size() - 1);
        return last - first < 2L * ids.size() ? id.between(first, last) : id.in(ids);
    }

    private static Map<Long, List<TicketHistory.Mail>> mails(DSLContext tx, List<Long> ids, Condition which) {
        Map<Long, List<TicketHistory.Mail>> byTicket = new HashMap<>();
        tx.select(MESSAGE.TICKET_ID, MESSAGE.DIRECTION, MESSAGE.STORED_AT, MESSAGE.AGENT_ID).from(MESSAGE)
                .where(which)
                .and(MESSAGE.DIRECTION.eq("IN").and(MESSAGE.KIND.eq("CUSTOMER"))
                        .or(MESSAGE.DIRECTION.eq("OUT").and(MESSAGE.KIND.eq("REPLY"))))
                .orderBy(MESSAGE.STORED_AT, MESSAGE.ID)
                .forEach(r -> byTicket.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new TicketHistory.Mail(fromDb(r.value3()), "IN".equals(r.value2()), r.value4())));
        return byTicket;
    }

    private static Map<Long, List<TicketHistory.StatusChange>> changes(DSLContext tx, Condition which,
                                                                        Map<String, Long> agents) {
        Map<Long, List<TicketHistory.StatusChange>> byTicket = new HashMap<>();
        tx.select(TICKET_EVENT.TICKET_ID, TICKET_EVENT.AT, TICKET_EVENT.ACTOR, TICKET_EVENT.DETAIL).from(TICKET_EVENT)
                .where(which).and(TICKET_EVENT.TYPE.eq("status"))
                .orderBy(TICKET_EVENT.AT, TICKET_EVENT.ID)
                .forEach(r -> {
                    Matcher m = CHANGE.matcher(r.value4() == null ? "" : r.value4());
                    if (m.find()) {
                        byTicket.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(new TicketHistory.StatusChange(
                                fromDb(r.value2()), m.group(1), m.group(2), agents.get(r.value3())));
                    }
                });
        return byTicket;
    }

    /**
     * Multi-row inserts of {@link #ROWS_PER_INSERT} rows: one round trip each (a JDBC batch makes one per row
     * on PostgreSQL without reWriteBatchedInserts), and 12,000 bind values stay under PostgreSQL's 32,767.
     */
    private static void insert(DSLContext tx, List<TicketFact> facts) {
        for (int from = 0; from < facts.size(); from += ROWS_PER_INSERT) {
            InsertValuesStepN<?> insert = tx.insertInto(TICKET_FACT, TICKET_FACT.TICKET_ID, TICKET_FACT.MAILBOX_ID,
                    TICKET_FACT.REQUESTER, TICKET_FACT.CATEGORY, TICKET_FACT.PRIORITY, TICKET_FACT.STATUS,
                    TICKET_FACT.EXCLUDED, TICKET_FACT.OWNER_AGENT_ID, TICKET_FACT.RESPONDER_AGENT_ID,
                    TICKET_FACT.CLOSER_AGENT_ID, TICKET_FACT.CREATED_AT, TICKET_FACT.CREATED_DAY, TICKET_FACT.CREATED_HOW,
                    TICKET_FACT.CREATED_IN_HOURS, TICKET_FACT.FIRST_RESPONSE_AT, TICKET_FACT.FRT_S, TICKET_FACT.FRT_BS,
                    TICKET_FACT.CLOSED_AT, TICKET_FACT.RESOLUTION_S, TICKET_FACT.RESOLUTION_BS, TICKET_FACT.AGENT_REPLIES,
                    TICKET_FACT.CUSTOMER_MESSAGES, TICKET_FACT.REOPENS, TICKET_FACT.FCR);
            for (TicketFact f : facts.subList(from, Math.min(facts.size(), from + ROWS_PER_INSERT))) {
                insert = insert.values(f.ticketId(), f.mailboxId(), f.requester(), f.category(), f.priority(), f.status(),
                        f.excluded(), f.ownerAgentId(), f.responderAgentId(), f.closerAgentId(), toDb(f.createdAt()),
                        f.createdDay(), f.createdHourOfWeek(), f.createdInHours(), toDb(f.firstResponseAt()),
                        f.frtSeconds(), f.frtBusinessSeconds(), toDb(f.closedAt()), f.resolutionSeconds(),
                        f.resolutionBusinessSeconds(), f.agentReplies(), f.customerMessages(), f.reopens(),
                        f.firstContactResolution());
            }
            insert.execute();
        }
    }

    /** For tests: the stored fact of one ticket. */
    static Record fact(DSLContext dsl, long ticketId) {
        return dsl.selectFrom(TICKET_FACT).where(TICKET_FACT.TICKET_ID.eq(ticketId)).fetchOne();
    }
}
