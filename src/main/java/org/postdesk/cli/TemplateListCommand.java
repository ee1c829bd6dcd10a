package org.postdesk.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.postdesk.store.TemplateRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code postdesk template list}: every template and canned answer with its current version. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List templates and canned answers with their current version.",
        footer = {"", "Examples:", "  postdesk template list", "  postdesk template list --json"})
final class TemplateListCommand implements Callable<Integer> {
    private static final String FORMAT = "%-28s %-6s %7s  %-8s  %-20s %s%n";

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Override
    public Integer call() {
        TemplateSupport.admin(spec);
        List<TemplateVersionView> rows = new TemplateRepository(PostdeskCommand.context(spec).database().dsl())
                .allCurrent().stream().map(r -> TemplateVersionView.of(r, false)).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(rows));
            return ExitCodes.OK;
        }
        out.printf(FORMAT, "NAME", "LOCALE", "VERSION", "SOURCE", "CHANGED", "BY");
        rows.forEach(r -> out.printf(FORMAT, r.name() + (r.hasHtml() ? " (+html)" : ""), r.locale(), r.version(),
                r.source(), MailboxListCommand.time(r.createdAt()), r.author()));
        return ExitCodes.OK;
    }
}
