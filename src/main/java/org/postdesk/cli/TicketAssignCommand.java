package org.postdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk ticket assign NUMBER AGENT}: gives the ticket to an agent, whoever holds it. Mails the new owner the ticket (and the previous owner that it was taken over). */
@Command(name = "assign", mixinStandardHelpOptions = true,
        description = {"Give a ticket to an agent, taking it from whoever holds it. The agent gets the ticket by mail"
                + " (with the customer's latest message, ready to answer); the previous holder is told.",
            "The agent is named by any of their addresses or by id (see: postdesk agent list); a disabled agent"
                + " is refused."},
        footer = {"", "Examples:", "  postdesk ticket assign 10019 bob@example.com", "  postdesk ticket assign 10019 3"})
final class TicketAssignCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NUMBER", description = "The ticket number.")
    private String number;

    @Parameters(index = "1", paramLabel = "AGENT", description = "The agent's address or id.")
    private String agent;

    @Override
    public Integer call() {
        TicketAdminSupport.run(spec, (commands, tx, actor, now) ->
                commands.assign(tx, TicketNumbers.parse(spec, number), agent, actor, now));
        return ExitCodes.OK;
    }
}
