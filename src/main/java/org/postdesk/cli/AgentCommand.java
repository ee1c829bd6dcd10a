package org.postdesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code postdesk agent …}: the agents who answer tickets from their mail client. */
@Command(name = "agent",
        footer = {
            "",
            "Examples:",
            "  postdesk agent add bob@example.com --name \"Bob Smith\" --mailbox support",
            "  postdesk agent list",
        },
        mixinStandardHelpOptions = true,
        description = "Add, list, inspect, disable and enable the agents who answer tickets by mail.",
        subcommands = {
            AgentAddCommand.class,
            AgentListCommand.class,
            AgentShowCommand.class,
            AgentEnableCommand.class,
            AgentDisableCommand.class,
            AgentSetCommand.class,
        })
public final class AgentCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: add, list, show, enable, disable or set");
    }
}
