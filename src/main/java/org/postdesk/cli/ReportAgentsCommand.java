package org.postdesk.cli;

import java.util.concurrent.Callable;
import org.postdesk.reports.AgentsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code postdesk report agents}. */
@Command(name = "agents", mixinStandardHelpOptions = true,
        description = "Per agent: tickets taken, replies sent, tickets closed, median first response, first-contact"
            + " resolution, satisfaction, held and stale replies, and the tickets they hold now.",
        footer = {"", "Examples:", "  postdesk report agents", "  postdesk report agents --format json"})
final class ReportAgentsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ReportOptions options;

    @Override
    public Integer call() {
        ReportRunner runner = new ReportRunner(spec, options);
        return runner.write(AgentsReport.run(runner.dsl(), runner.filter()));
    }
}
