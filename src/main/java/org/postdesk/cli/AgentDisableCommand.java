package org.postdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code postdesk agent disable EMAIL}: no more notifications, and the agent's mail counts as a
 * customer's. The open tickets the agent holds are freed, and the mailbox's agents are told.
 */
@Command(name = "disable",
        footer = {
            "",
            "Examples:",
            "  postdesk agent disable bob@example.com",
        },
        mixinStandardHelpOptions = true,
        description = {"Stop notifying an agent and stop treating their mail as an agent's.",
            "The open tickets they hold are freed and the other agents of those mailboxes are told by mail."})
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
