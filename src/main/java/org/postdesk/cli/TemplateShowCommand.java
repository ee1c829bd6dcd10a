package org.postdesk.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.postdesk.outbound.TemplateDirectory;
import org.postdesk.outbound.TemplateKey;
import org.postdesk.store.TemplateRepository;
import org.postdesk.store.TemplateVersionRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk template show NAME}: the source of the current (or a given) version. */
@Command(name = "show",
        description = "Print a template's source: the text part, then the HTML part if it has one.",
        footer = {"", "Examples:", "  postdesk template show ack --locale ru",
            "  postdesk template show answers/password-reset --version 1 --json"})
final class TemplateShowCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    /** Only --help: --version here is the template's version, not the program's. */
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    private boolean help;

    @Parameters(paramLabel = "NAME", description = "Template name, e.g. ack or answers/password-reset.")
    private String name;

    @Option(names = "--locale", paramLabel = "L", defaultValue = "en", description = "Locale (default: ${DEFAULT-VALUE}).")
    private String locale;

    @Option(names = "--version", paramLabel = "V", description = "Show version V instead of the current one.")
    private Integer version;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Override
    public Integer call() {
        TemplateKey key = TemplateSupport.key(name, locale);
        TemplateSupport.admin(spec);
        TemplateRepository repo = new TemplateRepository(PostdeskCommand.context(spec).database().dsl());
        TemplateVersionRow row = (version == null ? repo.current(name, locale) : repo.version(name, locale, version))
                .orElseThrow(() -> new UsageException("template " + key + (version == null ? "" : " version " + version)
                        + " does not exist (see: postdesk template " + (version == null ? "list" : "history " + name)
                        + ")"));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(TemplateVersionView.of(row, true)));
            return ExitCodes.OK;
        }
        out.print(row.text().endsWith("\n") ? row.text() : row.text() + "\n");
        if (row.html() != null) {
            out.println("----- " + TemplateDirectory.path(key, true) + " -----");
            out.print(row.html().endsWith("\n") ? row.html() : row.html() + "\n");
        }
        return ExitCodes.OK;
    }
}
