package org.postdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk ticket reopen NUMBER}: a closed (or spam) ticket becomes OPEN again. */
@Command(name = "reopen", mixinStandardHelpOptions = true,
        description = "Reopen a closed or spam ticket (status OPEN). A merged ticket cannot be reopened: work on the"
            + " ticket it was merged into.",
        footer = {"", "Examples:", "  postdesk ticket reopen 10019"})
final class TicketReopenCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NUMBER", description = "The ticket number.")
    private String number;

    @Override
    public Integer call() {
        TicketAdminSupport.run(spec, (commands, tx, actor, now) ->
                commands.reopen(tx, TicketNumbers.parse(spec, number), actor, now));
        return ExitCodes.OK;
    }
}
