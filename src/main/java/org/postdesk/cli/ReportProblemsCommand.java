package org.postdesk.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.postdesk.reports.ProblemsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code postdesk report problems}. */
@Command(name = "problems", mixinStandardHelpOptions = true,
        description = {"Repeated problems: tickets from different customers within --window of each other that share a"
            + " category, have similar subjects, or were linked by hand (postdesk ticket link, #link) — with counts,"
            + " first and last seen, and the ticket numbers."},
        footer = {"", "Examples:", "  postdesk report problems", "  postdesk report problems --window 2d --similarity 0.6"})
final class ReportProblemsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ReportOptions options;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "7d",
            description = "How close in time the tickets of one problem are (default: ${DEFAULT-VALUE}).")
    private String window;

    @Option(names = "--similarity", paramLabel = "J", defaultValue = "0.5",
            description = "How alike two subjects must be, as the share of words they share (0-1, default: ${DEFAULT-VALUE}).")
    private double similarity;

    @Override
    public Integer call() {
        if (similarity <= 0 || similarity > 1) {
            throw new ParameterException(spec.commandLine(), "--similarity " + similarity + " is out of range: use a"
                    + " number above 0 and at most 1, e.g. 0.5");
        }
        Duration w = CliDurations.parse(spec, "--window", window);
        ReportRunner runner = new ReportRunner(spec, options);
        return runner.write(ProblemsReport.run(runner.dsl(), runner.filter(), w, similarity));
    }
}
