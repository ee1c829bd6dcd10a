package org.postdesk.reports;

import static org.postdesk.reports.FactConditions.closedIn;
import static org.postdesk.reports.FactConditions.createdIn;
import static org.postdesk.reports.FactConditions.counted;
import static org.postdesk.reports.FactConditions.openAt;
import static org.postdesk.reports.FactConditions.percentile;
import static org.postdesk.reports.FactConditions.ratio;
import static org.postdesk.store.db.Tables.SURVEY;
import static org.postdesk.store.db.Tables.TICKET_EVENT;
import static org.postdesk.store.db.Tables.TICKET_FACT;

import java.math.BigDecimal;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record5;
import org.jooq.impl.DSL;

/** {@code report summary}: the period's figures, each from one aggregate over {@code ticket_fact}. */
public final class SummaryQuery {
    private final DSLContext dsl;
    private final Targets targets;

    public SummaryQuery(DSLContext dsl, Targets targets) {
        this.dsl = dsl;
        this.targets = targets;
    }

    public Summary run(String group, ReportFilter f) {
        long opened = dsl.fetchCount(TICKET_FACT, createdIn(f));
        Record5<Integer, BigDecimal, BigDecimal, BigDecimal, BigDecimal> frt = percentiles(TICKET_FACT.FRT_S,
                TICKET_FACT.FRT_BS, createdIn(f).and(TICKET_FACT.FRT_S.isNotNull()));
        Record5<Integer, BigDecimal, BigDecimal, BigDecimal, BigDecimal> res = percentiles(TICKET_FACT.RESOLUTION_S,
                TICKET_FACT.RESOLUTION_BS, closedIn(f));
        var closedStats = dsl.select(DSL.count(), DSL.count().filterWhere(TICKET_FACT.FCR.isTrue()),
                        DSL.avg(TICKET_FACT.AGENT_REPLIES),
                        DSL.count().filterWhere(TICKET_FACT.RESOLUTION_BS.le(targets.resolution().toSeconds())))
                .from(TICKET_FACT).where(closedIn(f)).fetchOne();
        long closed = closedStats.value1();
        long frtMet = dsl.fetchCount(TICKET_FACT, createdIn(f).and(TICKET_FACT.FRT_BS.le(targets.firstResponse().toSeconds())));
        List<SlaAttainment> sla = List.of(
                new SlaAttainment("first response", targets.firstResponse(), frtMet, frt.value1(), ratio(frtMet, frt.value1())),
                new SlaAttainment("resolution", targets.resolution(), closedStats.value4(), closed,
                        ratio(closedStats.value4(), closed)));
        return new Summary(group, opened, closed, reopened(f), dsl.fetchCount(TICKET_FACT, openAt(f, f.from())),
                dsl.fetchCount(TICKET_FACT, openAt(f, f.to())), toPercentiles(frt), toPercentiles(res),
                closedStats.value2(), ratio(closedStats.value2(), closed),
                closedStats.value3() == null ? null : closedStats.value3().doubleValue(), sla, satisfaction(f));
    }

    private Record5<Integer, BigDecimal, BigDecimal, BigDecimal, BigDecimal> percentiles(
            Field<Long> calendar, Field<Long> business, org.jooq.Condition where) {
        return dsl.select(DSL.count(), percentile(0.5, calendar), percentile(0.9, calendar),
                percentile(0.5, business), percentile(0.9, business)).from(TICKET_FACT).where(where).fetchOne();
    }

    private static Percentiles toPercentiles(Record5<Integer, BigDecimal, BigDecimal, BigDecimal, BigDecimal> r) {
        return new Percentiles(r.value1(), FactConditions.seconds(r.value2()), FactConditions.seconds(r.value3()),
                FactConditions.seconds(r.value4()), FactConditions.seconds(r.value5()));
    }

    /** Changes from CLOSED or SPAM back to an open status in the period. */
    private long reopened(ReportFilter f) {
        return dsl.selectCount().from(TICKET_EVENT).join(TICKET_FACT).on(TICKET_FACT.TICKET_ID.eq(TICKET_EVENT.TICKET_ID))
                .where(TICKET_EVENT.TYPE.eq("status"))
                .and(FactConditions.in(TICKET_EVENT.AT, f.from(), f.to()))
                .and(TICKET_EVENT.DETAIL.like("CLOSED -> %").or(TICKET_EVENT.DETAIL.like("SPAM -> %")))
                .and(TICKET_EVENT.DETAIL.notLike("% -> CLOSED")).and(TICKET_EVENT.DETAIL.notLike("% -> SPAM"))
                .and(counted(f)).fetchOne(0, long.class);
    }

    /** Surveys sent in the period, and how they were answered. */
    Satisfaction satisfaction(ReportFilter f) {
        var r = dsl.select(DSL.count(), DSL.count(SURVEY.RATED_AT), DSL.count().filterWhere(SURVEY.GOOD.isTrue()),
                        DSL.avg(SURVEY.RATING).filterWhere(SURVEY.SCALE.eq("5")))
                .from(SURVEY).join(TICKET_FACT).on(TICKET_FACT.TICKET_ID.eq(SURVEY.TICKET_ID))
                .where(counted(f)).and(FactConditions.in(SURVEY.SENT_AT, f.from(), f.to())).fetchOne();
        long sent = r.value1();
        long rated = r.value2();
        return new Satisfaction(sent, rated, r.value3(), ratio(r.value3(), rated),
                r.value4() == null ? null : r.value4().doubleValue(), ratio(rated, sent));
    }
}
