package org.postdesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.postdesk.outbound.InvalidTemplateException;
import org.postdesk.outbound.TemplateAdmin;
import org.postdesk.outbound.TemplateValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code postdesk template validate}: checks the current version of every stored template. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check that the current version of every template parses and renders against a sample ticket.",
            "Exit code 0 when all pass, 3 when any is broken (it would fall back to an older version when sent)."},
        footer = {"", "Examples:", "  postdesk template validate", "  postdesk template validate --json"})
final class TemplateValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    /** One template's verdict: OK, WARNING (only parsed) or INVALID. */
    record Check(String name, String locale, String status, String problem) {
    }

    @Override
    public Integer call() {
        TemplateAdmin admin = TemplateSupport.admin(spec);
        List<Check> checks = new ArrayList<>();
        admin.current().forEach((key, source) -> {
            try {
                TemplateValidator.Result r = admin.validator().validate(key, source);
                checks.add(new Check(key.name(), key.locale(), r.warning() == null ? "OK" : "WARNING", r.warning()));
            } catch (InvalidTemplateException e) {
                checks.add(new Check(key.name(), key.locale(), "INVALID", e.getMessage()));
            }
        });
        long invalid = checks.stream().filter(c -> c.status().equals("INVALID")).count();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(checks));
        } else {
            checks.forEach(c -> out.printf("%-8s %s (%s)%s%n", c.status(), c.name(), c.locale(),
                    c.problem() == null ? "" : ": " + c.problem()));
            out.println(checks.size() + " checked, " + invalid + " invalid"
                    + (invalid == 0 ? "" : ": fix them with postdesk template edit, or postdesk template rollback"));
        }
        return invalid == 0 ? ExitCodes.OK : ExitCodes.CONFIG;
    }
}
