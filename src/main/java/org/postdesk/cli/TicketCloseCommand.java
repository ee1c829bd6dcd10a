package org.postdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk ticket close NUMBER}: closes the ticket, recorded in its history. Sends no mail itself. */
@Command(name = "close", mixinStandardHelpOptions = true,
        description = "Close a ticket. No mail is sent now; with the mailbox's survey on (mailbox set --survey on) the daemon"
                + " mails the customer the satisfaction survey. A later customer reply reopens it within the reopen window.",
        footer = {"", "Examples:", "  postdesk ticket close 10019"})
final class TicketCloseCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NUMBER", description = "The ticket number.")
    private String number;

    @Override
    public Integer call() {
        TicketAdminSupport.run(spec, (commands, tx, actor, now) ->
                commands.close(tx, TicketNumbers.parse(spec, number), actor, now));
        return ExitCodes.OK;
    }
}
