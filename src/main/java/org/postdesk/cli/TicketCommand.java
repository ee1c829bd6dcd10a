package org.postdesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code postdesk ticket …}: read and steer tickets. */
@Command(name = "ticket", mixinStandardHelpOptions = true,
        description = "List and show tickets.",
        subcommands = {
            TicketListCommand.class,
            TicketShowCommand.class,
        })
public final class TicketCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: try 'postdesk ticket list'");
    }
}
