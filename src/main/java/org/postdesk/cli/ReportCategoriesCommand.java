package org.postdesk.cli;

import java.util.concurrent.Callable;
import org.postdesk.reports.CategoriesReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code postdesk report categories}. */
@Command(name = "categories", mixinStandardHelpOptions = true,
        description = "The summary figures per category and per priority, and the top categories by volume and by time.",
        footer = {"", "Examples:", "  postdesk report categories", "  postdesk report categories --format csv"})
final class ReportCategoriesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private ReportOptions options;

    @Override
    public Integer call() {
        ReportRunner runner = new ReportRunner(spec, options);
        return runner.write(CategoriesReport.run(runner.dsl(), runner.targets(), runner.filter()));
    }
}
