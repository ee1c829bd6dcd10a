package org.postdesk.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.postdesk.outbound.InvalidTemplateException;
import org.postdesk.outbound.TemplateAdmin;
import org.postdesk.outbound.TemplateKey;
import org.postdesk.outbound.TemplateSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk template set NAME --locale L --file F}: validates the file, then stores it as a new version. */
@Command(name = "set", mixinStandardHelpOptions = true,
        description = {"Store a file as the new version of a template, after checking that it parses and renders"
            + " against a sample ticket. A refused file changes nothing.",
            "A template file starts with 'Subject: …', a blank line, then the body; canned answers have only a body."},
        footer = {"", "Examples:", "  postdesk template set ack --locale en --file ack.ftl",
            "  postdesk template set ack --locale en --file ack.ftl --html-file ack.html.ftl",
            "  postdesk template set answers/refund --locale en --file refund.ftl"})
final class TemplateSetCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "Template name, e.g. ack or answers/refund.")
    private String name;

    @Option(names = "--locale", required = true, paramLabel = "L", description = "Locale, e.g. en, ru, uk.")
    private String locale;

    @Option(names = "--file", required = true, paramLabel = "F", description = "The text part (UTF-8).")
    private Path file;

    @Option(names = "--html-file", paramLabel = "H", description = "The HTML part (UTF-8); without it the template"
            + " keeps no HTML part.")
    private Path htmlFile;

    @Override
    public Integer call() {
        TemplateKey key = TemplateSupport.key(name, locale);
        TemplateSource source = new TemplateSource(TemplateSupport.read(file, "--file"),
                htmlFile == null ? null : TemplateSupport.read(htmlFile, "--html-file"));
        TemplateAdmin admin = TemplateSupport.admin(spec);
        TemplateAdmin.Saved saved;
        try {
            saved = admin.set(key, source, "SET", TemplateSupport.author(spec), Instant.now());
        } catch (InvalidTemplateException e) {
            throw TemplateSupport.refused(e, "Fix " + file + " and run the command again.");
        }
        TemplateSaves.print(spec.commandLine().getOut(), spec.commandLine().getErr(), saved);
        return ExitCodes.OK;
    }
}
