package org.postdesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code postdesk report …}: the team's numbers. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"The team's numbers over a period (default: the last 28 days): as a table, CSV, JSON or a"
            + " self-contained HTML page with charts.", "Business time follows report.business-hours and report.holidays."},
        footer = {"", "Examples:", "  postdesk report summary", "  postdesk report summary --by week --format csv",
            "  postdesk report agents --from 2026-11-01 --to 2026-11-30",
            "  postdesk report html --output report.html", "  postdesk report staffing --mailbox support"},
        subcommands = {
            ReportSummaryCommand.class,
            ReportAgentsCommand.class,
            ReportCategoriesCommand.class,
            ReportArrivalsCommand.class,
            ReportProblemsCommand.class,
            ReportStaffingCommand.class,
            ReportHtmlCommand.class,
        })
public final class ReportCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: try 'postdesk report summary'");
    }
}
