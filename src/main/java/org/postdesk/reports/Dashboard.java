package org.postdesk.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;

/**
 * {@code report html}: every report on one page with its charts — first response and resolution over time,
 * SLA attainment, the arrival heat map, load per agent, satisfaction and the staffing curve against the
 * calendar. Also the attachment of the weekly digest.
 */
public record Dashboard(String title, SummaryReport summary, AgentsReport agents, ArrivalsReport arrivals,
                        StaffingReport staffing, ProblemsReport problems) implements Report {

    public static Dashboard run(DSLContext dsl, Targets targets, ReportFilter f, String title) {
        long days = java.time.Duration.between(f.from(), f.to()).toDays();
        Grouping by = days <= 31 ? Grouping.DAY : days <= 190 ? Grouping.WEEK : Grouping.MONTH;
        ArrivalsReport arrivals = ArrivalsReport.run(dsl, targets.working(), f);
        return new Dashboard(title, SummaryReport.run(dsl, targets, f, by), AgentsReport.run(dsl, f),
                arrivals, StaffingReport.run(dsl, targets, f, arrivals),
                ProblemsReport.run(dsl, f, java.time.Duration.ofDays(7), 0.5));
    }

    @Override
    public Object data() {
        return this;
    }

    @Override
    public List<ReportTable> tables() {
        List<ReportTable> all = new ArrayList<>(summary.tables());
        all.addAll(agents.tables());
        all.addAll(arrivals.tables());
        all.addAll(staffing.tables());
        all.addAll(problems.tables());
        return all;
    }

    @Override
    public List<Chart> charts() {
        return List.of(Charts.times(summary), Charts.sla(summary), Charts.heatMap(arrivals), Charts.agentLoad(agents),
                Charts.satisfaction(summary.total().satisfaction()), Charts.staffing(staffing));
    }

    @Override
    public String title() {
        return title + " — " + summary.filter().from().toString().substring(0, 10) + " to "
                + summary.filter().to().minusSeconds(1).toString().substring(0, 10)
                + (summary.by() == null ? "" : " (by " + summary.by().name().toLowerCase(Locale.ROOT) + ")");
    }

    public String html() {
        return HtmlReport.page(title(), tables(), charts());
    }
}
