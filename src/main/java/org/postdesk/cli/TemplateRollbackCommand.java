package org.postdesk.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.postdesk.outbound.InvalidTemplateException;
import org.postdesk.outbound.TemplateKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk template rollback NAME --to V}: stores version V again as the newest version. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Make an earlier version current again. It is stored as a new version, so the history keeps"
            + " everything and a rollback can itself be rolled back.",
        footer = {"", "Examples:", "  postdesk template history ack --locale ru",
            "  postdesk template rollback ack --locale ru --to 2"})
final class TemplateRollbackCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "Template name.")
    private String name;

    @Option(names = "--locale", paramLabel = "L", defaultValue = "en", description = "Locale (default: ${DEFAULT-VALUE}).")
    private String locale;

    @Option(names = "--to", required = true, paramLabel = "V", description = "The version to make current.")
    private int to;

    @Override
    public Integer call() {
        TemplateKey key = TemplateSupport.key(name, locale);
        try {
            TemplateSaves.print(spec.commandLine().getOut(), spec.commandLine().getErr(),
                    TemplateSupport.admin(spec).rollback(key, to, TemplateSupport.author(spec), Instant.now()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (InvalidTemplateException e) {
            throw TemplateSupport.refused(e, "Version " + to + " no longer fits this Postdesk version: choose another"
                    + " (postdesk template history " + name + ") or fix it with postdesk template edit.");
        }
        return ExitCodes.OK;
    }
}
