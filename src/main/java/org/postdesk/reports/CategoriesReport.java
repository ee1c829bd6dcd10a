package org.postdesk.reports;

import static org.postdesk.store.db.Tables.TICKET_FACT;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * {@code report categories}: the summary figures per category and per priority, and the categories that
 * bring the most tickets and take the most time (the sum of their tickets' resolution times).
 */
public record CategoriesReport(ReportFilter filter, List<Summary> byCategory, List<Summary> byPriority,
                               List<Top> topByVolume, List<Top> topByTime) implements Report {
    private static final int TOP = 5;

    public CategoriesReport {
        byCategory = List.copyOf(byCategory);
        byPriority = List.copyOf(byPriority);
        topByVolume = List.copyOf(topByVolume);
        topByTime = List.copyOf(topByTime);
    }

    /** A category's tickets opened in the period and their total resolution time in hours. */
    public record Top(String category, long tickets, double resolutionHours) {
    }

    public static CategoriesReport run(DSLContext dsl, Targets targets, ReportFilter f) {
        SummaryQuery q = new SummaryQuery(dsl, targets);
        Groups groups = new Groups(dsl, targets.working().zone());
        List<Summary> byCategory = new ArrayList<>();
        groups.split(f, Grouping.CATEGORY).forEach(g -> byCategory.add(q.run(g.label(), g.filter())));
        List<Summary> byPriority = new ArrayList<>();
        groups.split(f, Grouping.PRIORITY).forEach(g -> byPriority.add(q.run(g.label(), g.filter())));
        Field<Integer> n = DSL.count();
        Field<java.math.BigDecimal> time = DSL.coalesce(DSL.sum(TICKET_FACT.RESOLUTION_S), DSL.inline(java.math.BigDecimal.ZERO));
        var rows = dsl.select(TICKET_FACT.CATEGORY, n, time).from(TICKET_FACT).where(FactConditions.createdIn(f))
                .groupBy(TICKET_FACT.CATEGORY).fetch(r -> new Top(r.value1() == null ? "(none)" : r.value1(), r.value2(),
                        r.value3().doubleValue() / 3600));
        List<Top> byVolume = rows.stream().sorted((a, b) -> Long.compare(b.tickets(), a.tickets())).limit(TOP).toList();
        List<Top> byTime = rows.stream().sorted((a, b) -> Double.compare(b.resolutionHours(), a.resolutionHours()))
                .limit(TOP).toList();
        return new CategoriesReport(f, byCategory, byPriority, byVolume, byTime);
    }

    @Override
    public Object data() {
        return this;
    }

    @Override
    public List<ReportTable> tables() {
        return List.of(summaries("By category", byCategory), summaries("By priority", byPriority),
                top("Top categories by volume", topByVolume), top("Top categories by time", topByTime));
    }

    private ReportTable summaries(String title, List<Summary> rows) {
        ReportTable.Builder t = new ReportTable.Builder(title + " " + ReportPeriods.describe(filter), "group", "opened",
                "closed", "reopened", "first response median", "first response median (business)", "resolution median",
                "resolution median (business)", "FCR", "replies per ticket", "SLA first response", "satisfaction");
        rows.forEach(s -> t.row(s.group(), s.opened(), s.closed(), s.reopened(),
                ReportTable.Seconds.of(s.firstResponse().median()), ReportTable.Seconds.of(s.firstResponse().businessMedian()),
                ReportTable.Seconds.of(s.resolution().median()), ReportTable.Seconds.of(s.resolution().businessMedian()),
                ReportTable.Share.of(s.fcrRate()), s.repliesPerTicket(), ReportTable.Share.of(s.sla().get(0).share()),
                ReportTable.Share.of(s.satisfaction().score())));
        return t.build();
    }

    private static ReportTable top(String title, List<Top> rows) {
        ReportTable.Builder t = new ReportTable.Builder(title, "category", "tickets", "resolution hours");
        rows.forEach(r -> t.row(r.category(), r.tickets(), r.resolutionHours()));
        return t.build();
    }
}
