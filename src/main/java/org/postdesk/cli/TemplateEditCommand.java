package org.postdesk.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

/**
 * {@code postdesk template edit NAME --locale L}: opens the current text in {@code $VISUAL}/{@code $EDITOR},
 * validates the result and stores it; a refused draft is kept on disk so no edit is lost.
 */
@Command(name = "edit", mixinStandardHelpOptions = true,
        description = {"Edit a template in $VISUAL or $EDITOR (default vi). The result is checked before it is"
            + " stored; if it is refused, nothing is stored and your draft is kept, with the command to retry."},
        footer = {"", "Examples:", "  postdesk template edit ack --locale ru",
            "  EDITOR=nano postdesk template edit ack --locale en --html",
            "  postdesk template edit answers/password-reset --locale uk"})
final class TemplateEditCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "Template name, e.g. ack or answers/password-reset.")
    private String name;

    @Option(names = "--locale", required = true, paramLabel = "L", description = "Locale, e.g. en, ru, uk.")
    private String locale;

    @Option(names = "--html", description = "Edit the HTML part instead of the text part (created if missing).")
    private boolean html;

    @Override
    public Integer call() throws InterruptedException {
        TemplateKey key = TemplateSupport.key(name, locale);
        TemplateAdmin admin = TemplateSupport.admin(spec);
        TemplateSource current = admin.current(key).orElse(null);
        String before = current == null ? "" : html ? nullToEmpty(current.html()) : current.text();
        Path draft = writeDraft(key, before);
        runEditor(draft);
        String after = read(draft);
        if (after.equals(before)) {
            delete(draft);
            spec.commandLine().getOut().println(key + ": no change, nothing stored");
            return ExitCodes.OK;
        }
        TemplateSource source = html ? new TemplateSource(current == null ? "" : current.text(), after)
                : new TemplateSource(after, current == null ? null : current.html());
        try {
            TemplateSaves.print(spec.commandLine().getOut(), spec.commandLine().getErr(),
                    admin.set(key, source, "EDIT", TemplateSupport.author(spec), Instant.now()));
        } catch (InvalidTemplateException e) {
            throw TemplateSupport.refused(e, "Your draft is kept in " + draft + ": fix it and store it with"
                    + " postdesk template set " + name + " --locale " + locale + (html ? " --file TEXT --html-file "
                    : " --file ") + draft);
        }
        delete(draft);
        return ExitCodes.OK;
    }

    private static Path writeDraft(TemplateKey key, String content) {
        try {
            Path draft = Files.createTempFile("postdesk-" + key.name().replace('/', '-') + "-" + key.locale() + "-",
                    ".ftl");
            return Files.writeString(draft, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the draft to the temporary directory: " + e.getMessage(), e);
        }
    }

    private void runEditor(Path draft) throws InterruptedException {
        Map<String, String> env = PostdeskCommand.context(spec).environment().env();
        String editor = firstSet(env.get("VISUAL"), env.get("EDITOR"), "vi");
        List<String> command = new ArrayList<>(Arrays.asList(editor.strip().split("\\s+")));
        command.add(draft.toString());
        int code;
        try {
            code = new ProcessBuilder(command).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UsageException("editor '" + editor + "' cannot be started (" + e.getMessage() + "): set $EDITOR"
                    + " to an installed editor, or use postdesk template set with --file");
        }
        if (code != 0) {
            throw new UsageException("editor '" + editor + "' exited with " + code + ": nothing stored; your draft"
                    + " is kept in " + draft);
        }
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "vi";
    }

    private static String read(Path draft) {
        try {
            return Files.readString(draft, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the draft " + draft + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path draft) {
        try {
            Files.deleteIfExists(draft);
        } catch (IOException e) {
            // a leftover temporary file is harmless; the template was handled
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
