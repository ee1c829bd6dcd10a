package org.postdesk.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.postdesk.app.Handover;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk agent enable EMAIL}: the agent is notified and may reply again. */
@Command(name = "enable",
        footer = {
            "",
            "Examples:",
            "  postdesk agent enable bob@example.com",
        },
        mixinStandardHelpOptions = true, description = "Let a disabled agent work again.")
final class AgentEnableCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EMAIL|ID")
    private String who;

    @Override
    public Integer call() {
        return setActive(spec, who, true);
    }

    /**
     * Enables or disables the agent; disabling also frees the open tickets they hold and tells the other
     * agents of those tickets' mailboxes, in the same transaction.
     */
    static int setActive(CommandSpec spec, String who, boolean active) {
        CliContext ctx = PostdeskCommand.context(spec);
        Handover handover = active ? null : TicketAdminSupport.handover(ctx);
        String result = ctx.database().inTransaction(tx -> {
            AgentRepository repo = new AgentRepository(tx);
            Agent agent = AgentShowCommand.find(repo, who);
            repo.setActive(agent.id(), active);
            String done = "agent " + agent.primaryAddress() + (active ? " enabled" : " disabled");
            if (active) {
                return done;
            }
            List<String> freed = handover.ownerDisabled(tx, agent, TicketAdminSupport.actor(spec), Instant.now());
            return done + (freed.isEmpty() ? "; they held no open ticket"
                    : "; freed " + freed.size() + " ticket(s) they held (" + String.join(", ", freed)
                    + ") and told the mailbox's agents");
        });
        spec.commandLine().getOut().println(result);
        return ExitCodes.OK;
    }
}
