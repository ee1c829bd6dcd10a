package org.postdesk.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import org.postdesk.outbound.InvalidTemplateException;
import org.postdesk.outbound.TemplateAdmin;
import org.postdesk.outbound.TemplateDirectory;
import org.postdesk.outbound.TemplateKey;
import org.postdesk.outbound.TemplateSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk template import DIR}: all templates of a directory, checked first, stored in one transaction. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Read every template in DIR (layout as written by export), check them all, and store those"
            + " that differ from the current version as new versions, in one transaction.",
            "If any template is refused, nothing is stored."},
        footer = {"", "Examples:", "  postdesk template import ./templates", "  postdesk template import /tmp/templates"})
final class TemplateImportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Directory holding <locale>/<name>.ftl files.")
    private Path dir;

    @Override
    public Integer call() {
        SortedMap<TemplateKey, TemplateSource> files;
        try {
            files = TemplateDirectory.read(dir);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new UsageException("import " + dir + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new UsageException("import " + dir + ": no templates found: expected files such as en/ack.ftl or"
                    + " answers/en/password-reset.ftl");
        }
        TemplateAdmin admin = TemplateSupport.admin(spec);
        List<TemplateAdmin.Saved> saved;
        try {
            saved = admin.importAll(files, TemplateSupport.author(spec), Instant.now());
        } catch (InvalidTemplateException e) {
            throw TemplateSupport.refused(e, "Fix that file in " + dir + " and import again.");
        }
        PrintWriter out = spec.commandLine().getOut();
        saved.forEach(s -> TemplateSaves.print(out, spec.commandLine().getErr(), s));
        long stored = saved.stream().filter(s -> s.version() > 0).count();
        out.println(stored + " stored, " + (saved.size() - stored) + " unchanged");
        return ExitCodes.OK;
    }
}
