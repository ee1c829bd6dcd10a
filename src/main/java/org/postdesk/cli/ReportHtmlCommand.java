package org.postdesk.cli;

import java.util.concurrent.Callable;
import org.postdesk.reports.Dashboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code postdesk report html}: everything on one self-contained page. */
@Command(name = "html", mixinStandardHelpOptions = true,
        description = {"Every report on one self-contained HTML page (no network needed to open it; fit to mail as an"
            + " attachment) with charts: first response and resolution over time, SLA attainment, the arrival heat map,"
            + " load per agent, satisfaction and the staffing curve against the calendar.", "--format is ignored."},
        footer = {"", "Examples:", "  postdesk report html --output report.html",
            "  postdesk report html --from 2026-09-01 --mailbox support --output q4.html"})
final class ReportHtmlCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ReportOptions options;

    @Override
    public Integer call() {
        options.format = "html";
        ReportRunner runner = new ReportRunner(spec, options);
        Dashboard d = Dashboard.run(runner.dsl(), runner.targets(), runner.filter(), "Postdesk report");
        return runner.write(d, r -> d.html());
    }
}
