package org.postdesk.reports;

import static org.postdesk.store.db.Tables.TICKET_FACT;

import java.time.Instant;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The WHERE clauses every report shares: the filters, and "happened in the period". */
final class FactConditions {
    private FactConditions() {
    }

    /** Counted tickets (not spam, not merged away) that pass the filter's mailbox, agent, category and priority. */
    static Condition counted(ReportFilter f) {
        Condition c = TICKET_FACT.EXCLUDED.isFalse();
        if (f.mailboxId() != null) {
            c = c.and(TICKET_FACT.MAILBOX_ID.eq(f.mailboxId()));
        }
        if (f.agentId() != null) {
            c = c.and(TICKET_FACT.RESPONDER_AGENT_ID.eq(f.agentId()).or(TICKET_FACT.CLOSER_AGENT_ID.eq(f.agentId()))
                    .or(TICKET_FACT.OWNER_AGENT_ID.eq(f.agentId())));
        }
        if (f.category() != null) {
            c = c.and(f.category().isEmpty() ? TICKET_FACT.CATEGORY.isNull() : TICKET_FACT.CATEGORY.eq(f.category()));
        }
        if (f.priority() != null) {
            c = c.and(TICKET_FACT.PRIORITY.eq(f.priority()));
        }
        return c;
    }

    static Condition in(Field<java.time.OffsetDateTime> at, Instant from, Instant to) {
        return at.ge(Times.toDb(from)).and(at.lt(Times.toDb(to)));
    }

    static Condition createdIn(ReportFilter f) {
        return counted(f).and(in(TICKET_FACT.CREATED_AT, f.from(), f.to()));
    }

    static Condition closedIn(ReportFilter f) {
        return counted(f).and(in(TICKET_FACT.CLOSED_AT, f.from(), f.to()));
    }

    /** Open at {@code at}: created before and not (yet) closed then. */
    static Condition openAt(ReportFilter f, Instant at) {
        return counted(f).and(TICKET_FACT.CREATED_AT.lt(Times.toDb(at)))
                .and(TICKET_FACT.CLOSED_AT.isNull().or(TICKET_FACT.CLOSED_AT.ge(Times.toDb(at))));
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** Whole seconds: PostgreSQL's interpolation leaves float noise such as 105480.00000000003. */
    static Double seconds(java.math.BigDecimal b) {
        return b == null ? null : (double) Math.round(b.doubleValue());
    }

    static Field<java.math.BigDecimal> percentile(double p, Field<Long> f) {
        return DSL.percentileCont(p).withinGroupOrderBy(f);
    }
}
