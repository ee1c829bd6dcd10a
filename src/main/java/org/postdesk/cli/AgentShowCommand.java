package org.postdesk.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.postdesk.app.TicketCommands;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk agent show EMAIL}: one agent, found by any of its addresses or its id. */
@Command(name = "show",
        footer = {
            "",
            "Examples:",
            "  postdesk agent show bob@example.com",
            "  postdesk agent show 3 --json",
        },
        mixinStandardHelpOptions = true, description = "Show one agent.")
final class AgentShowCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EMAIL|ID")
    private String who;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Override
    public Integer call() {
        AgentView v = AgentView.of(find(new AgentRepository(PostdeskCommand.context(spec).database().dsl()), who));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(v));
            return ExitCodes.OK;
        }
        out.printf("%-11s %s%n", "id:", v.id());
        out.printf("%-11s %s%n", "name:", v.name());
        out.printf("%-11s %s%n", "email:", v.email());
        out.printf("%-11s %s%n", "addresses:", String.join(", ", v.addresses()));
        out.printf("%-11s %s%n", "active:", v.active() ? "yes" : "no");
        out.printf("%-11s %s%n", "mailboxes:", v.mailboxes().isEmpty() ? "-" : String.join(", ", v.mailboxes()));
        out.printf("%-11s %s%n", "created:", MailboxListCommand.time(v.createdAt()));
        return ExitCodes.OK;
    }

    /** The agent with this address or id, or a {@link UsageException} saying how to find them. */
    static Agent find(AgentRepository repo, String who) {
        return TicketCommands.agent(repo, who);
    }
}
