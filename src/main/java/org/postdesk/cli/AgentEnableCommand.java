package org.postdesk.cli;

import java.util.concurrent.Callable;
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

    static int setActive(CommandSpec spec, String who, boolean active) {
        AgentRepository repo = new AgentRepository(PostdeskCommand.context(spec).database().dsl());
        Agent agent = AgentShowCommand.find(repo, who);
        repo.setActive(agent.id(), active);
        spec.commandLine().getOut().println("agent " + agent.primaryAddress() + (active ? " enabled" : " disabled"));
        return ExitCodes.OK;
    }
}
