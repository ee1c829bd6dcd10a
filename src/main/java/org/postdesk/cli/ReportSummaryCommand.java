package org.postdesk.cli;

import java.util.concurrent.Callable;
import org.postdesk.reports.SummaryReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code postdesk report summary}. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = {"Tickets opened, closed and reopened, the backlog at the start and end, first response and"
            + " resolution time (median and p90, calendar and business time), first-contact resolution, replies per"
            + " ticket, SLA attainment and satisfaction."},
        footer = {"", "Examples:", "  postdesk report summary", "  postdesk report summary --by week",
            "  postdesk report summary --by agent --format csv --output agents.csv"})
final class ReportSummaryCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ReportOptions options;

    @Option(names = "--by", paramLabel = "G", description = "One line per day, week, month, agent, category, mailbox or priority.")
    private String by;

    @Option(names = "--priority", paramLabel = "P", description = "Only tickets of this priority (low, normal, high, urgent).")
    private String priority;

    @Override
    public Integer call() {
        ReportRunner runner = new ReportRunner(spec, options);
        var filter = runner.filter();
        if (priority != null) {
            filter = filter.withPriority(priority.strip().toUpperCase(java.util.Locale.ROOT));
        }
        return runner.write(SummaryReport.run(runner.dsl(), runner.targets(), filter, ReportRunner.grouping(spec, by)));
    }
}
