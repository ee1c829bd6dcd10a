package org.postdesk.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.postdesk.store.AgentRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code postdesk agent list}: every agent, active or not. */
@Command(name = "list",
        footer = {
            "",
            "Examples:",
            "  postdesk agent list",
            "  postdesk agent list --json",
        },
        mixinStandardHelpOptions = true, description = "List agents.")
final class AgentListCommand implements Callable<Integer> {
    private static final String FORMAT = "%-4s %-24s %-32s %-7s %s%n";

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Override
    public Integer call() {
        List<AgentView> views = new AgentRepository(PostdeskCommand.context(spec).database().dsl()).list().stream()
                .map(AgentView::of).collect(Collectors.toList());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(views));
        } else if (views.isEmpty()) {
            out.println("no agents yet: add one with postdesk agent add EMAIL --name NAME --mailbox M");
        } else {
            out.printf(FORMAT, "ID", "NAME", "EMAIL", "ACTIVE", "MAILBOXES");
            views.forEach(v -> out.printf(FORMAT, v.id(), v.name(), v.email(), v.active() ? "yes" : "no",
                    v.mailboxes().isEmpty() ? "-" : String.join(",", v.mailboxes())));
        }
        return ExitCodes.OK;
    }
}
