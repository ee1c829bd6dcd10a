package org.postdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk ticket release NUMBER}: frees the ticket from the agent who holds it and tells the mailbox's agents. */
@Command(name = "release", mixinStandardHelpOptions = true,
        description = "Free a ticket from the agent who holds it, so any agent of its mailbox can take it;"
            + " they are told by mail.",
        footer = {"", "Examples:", "  postdesk ticket release 10019"})
final class TicketReleaseCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NUMBER", description = "The ticket number.")
    private String number;

    @Override
    public Integer call() {
        TicketAdminSupport.run(spec, (commands, tx, actor, now) ->
                commands.release(tx, TicketNumbers.parse(spec, number), actor, now));
        return ExitCodes.OK;
    }
}
