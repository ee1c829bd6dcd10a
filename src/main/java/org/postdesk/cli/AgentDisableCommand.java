package org.postdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code postdesk agent disable EMAIL}: no more notifications, and the agent's mail counts as a
 * customer's. Tickets the agent holds stay held until the idle release or an admin frees them.
 */
@Command(name = "disable",
        footer = {
            "",
            "Examples:",
            "  postdesk agent disable bob@example.com",
        },
        mixinStandardHelpOptions = true,
        description = "Stop notifying an agent and stop treating their mail as an agent's.")
final class AgentDisableCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EMAIL|ID")
    private String who;

    @Override
    public Integer call() {
        return AgentEnableCommand.setActive(spec, who, false);
    }
}
