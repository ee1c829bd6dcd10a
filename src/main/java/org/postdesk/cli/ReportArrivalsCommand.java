package org.postdesk.cli;

import java.util.concurrent.Callable;
import org.postdesk.reports.ArrivalsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code postdesk report arrivals}. */
@Command(name = "arrivals", mixinStandardHelpOptions = true,
        description = "New tickets by hour of the week (a heat map in report.time-zone), the share outside business"
            + " hours and at night (22:00-06:00), per weekday and per month.",
        footer = {"", "Examples:", "  postdesk report arrivals", "  postdesk report arrivals --format html --output arrivals.html"})
final class ReportArrivalsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ReportOptions options;

    @Override
    public Integer call() {
        ReportRunner runner = new ReportRunner(spec, options);
        return runner.write(ArrivalsReport.run(runner.dsl(), runner.targets().working(), runner.filter()));
    }
}
