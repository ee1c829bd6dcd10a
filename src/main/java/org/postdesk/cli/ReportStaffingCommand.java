package org.postdesk.cli;

import java.util.concurrent.Callable;
import org.postdesk.reports.StaffingReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code postdesk report staffing}. */
@Command(name = "staffing", mixinStandardHelpOptions = true,
        description = {"For each hour of the week: arrivals seen (mean and p90 over the period's weeks), the work per"
            + " ticket, and the agents needed to meet the first-response target (report.first-response-target) for"
            + " report.service-level-percent of requests, from an Erlang C queueing model with report.shrinkage-percent"
            + " shrinkage; then a plain recommendation and what the current calendar needs."},
        footer = {"", "Examples:", "  postdesk report staffing", "  postdesk report staffing --from 2026-09-01 --format csv"})
final class ReportStaffingCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ReportOptions options;

    @Override
    public Integer call() {
        ReportRunner runner = new ReportRunner(spec, options);
        return runner.write(StaffingReport.run(runner.dsl(), runner.targets(), runner.filter()));
    }
}
