package org.postdesk.reports;

import static org.postdesk.reports.ReportTable.Seconds;
import static org.postdesk.reports.ReportTable.Share;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/** {@code report summary}: the whole period and, with {@code --by}, one line per group. */
public record SummaryReport(ReportFilter filter, Grouping by, Summary total, List<Summary> groups) implements Report {
    public SummaryReport {
        groups = List.copyOf(groups);
    }

    public static SummaryReport run(DSLContext dsl, Targets targets, ReportFilter filter, Grouping by) {
        SummaryQuery q = new SummaryQuery(dsl, targets);
        List<Summary> groups = new ArrayList<>();
        if (by != null) {
            for (Groups.Group g : new Groups(dsl, targets.working().zone()).split(filter, by)) {
                groups.add(q.run(g.label(), g.filter()));
            }
        }
        return new SummaryReport(filter, by, q.run("total", filter), groups);
    }

    @Override
    public Object data() {
        return this;
    }

    @Override
    public List<Chart> charts() {
        return groups.isEmpty() || by.ordinal() > Grouping.MONTH.ordinal() ? List.of()
                : List.of(Charts.times(this), Charts.sla(this));
    }

    @Override
    public List<ReportTable> tables() {
        ReportTable.Builder t = new ReportTable.Builder("Summary " + ReportPeriods.describe(filter)
                + (by == null ? "" : " by " + by.name().toLowerCase(java.util.Locale.ROOT)), columns());
        groups.forEach(s -> t.row(cells(s)));
        t.row(cells(total));
        t.note("First response: creation to the first agent reply, less time PENDING before it; business time in the"
                + " (business) columns. FCR: closed, never reopened, one agent reply, no customer message after it.");
        return List.of(t.build());
    }

    private static String[] columns() {
        return new String[] {"group", "opened", "closed", "reopened", "backlog at start", "backlog at end",
            "first response median", "first response p90", "first response median (business)",
            "first response p90 (business)", "resolution median", "resolution p90", "resolution median (business)",
            "resolution p90 (business)", "first-contact resolution", "replies per ticket", "SLA first response",
            "SLA resolution", "satisfaction", "survey response rate"};
    }

    static Object[] cells(Summary s) {
        return new Object[] {s.group(), s.opened(), s.closed(), s.reopened(), s.backlogStart(), s.backlogEnd(),
            Seconds.of(s.firstResponse().median()), Seconds.of(s.firstResponse().p90()),
            Seconds.of(s.firstResponse().businessMedian()), Seconds.of(s.firstResponse().businessP90()),
            Seconds.of(s.resolution().median()), Seconds.of(s.resolution().p90()),
            Seconds.of(s.resolution().businessMedian()), Seconds.of(s.resolution().businessP90()),
            Share.of(s.fcrRate()), s.repliesPerTicket(), Share.of(s.sla().get(0).share()),
            Share.of(s.sla().get(1).share()), Share.of(s.satisfaction().score()),
            Share.of(s.satisfaction().responseRate())};
    }
}
