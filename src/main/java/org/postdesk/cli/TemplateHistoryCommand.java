package org.postdesk.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.postdesk.store.TemplateRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk template history NAME}: every version, newest first, per locale. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List every stored version of a template, newest first.",
        footer = {"", "Examples:", "  postdesk template history ack", "  postdesk template history ack --locale ru --json"})
final class TemplateHistoryCommand implements Callable<Integer> {
    private static final String FORMAT = "%-6s %7s  %-8s  %-20s %-20s %s%n";

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "Template name.")
    private String name;

    @Option(names = "--locale", paramLabel = "L", description = "Only this locale (default: all).")
    private String locale;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Override
    public Integer call() {
        TemplateSupport.checkName(name);
        if (locale != null) {
            TemplateSupport.key(name, locale);
        }
        TemplateSupport.admin(spec);
        List<TemplateVersionView> rows = new TemplateRepository(PostdeskCommand.context(spec).database().dsl())
                .history(name).stream().filter(r -> locale == null || r.locale().equals(locale))
                .map(r -> TemplateVersionView.of(r, false)).toList();
        if (rows.isEmpty()) {
            throw new UsageException("template " + name + (locale == null ? "" : " (" + locale + ")")
                    + " has no versions (see: postdesk template list)");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(rows));
            return ExitCodes.OK;
        }
        out.printf(FORMAT, "LOCALE", "VERSION", "SOURCE", "CHANGED", "BY", "NOTE");
        rows.forEach(r -> out.printf(FORMAT, r.locale(), r.version(), r.source(), MailboxListCommand.time(r.createdAt()),
                r.author(), r.note() == null ? "" : r.note()));
        return ExitCodes.OK;
    }
}
