package org.postdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk ticket merge NUMBER --into NUMBER}: one conversation, in one transaction. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merge a ticket into another: its messages, participants and history move to the other"
            + " ticket, and it is closed and points there. Later replies to either thread, and subject tags with"
            + " either number, land in the surviving ticket.", "Nothing is sent to anyone."},
        footer = {"", "Examples:", "  postdesk ticket merge 10027 --into 10019"})
final class TicketMergeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NUMBER", description = "The ticket to merge (it is closed).")
    private String number;

    @Option(names = "--into", required = true, paramLabel = "NUMBER", description = "The ticket that survives.")
    private String into;

    @Override
    public Integer call() {
        TicketAdminSupport.run(spec, (commands, tx, actor, now) ->
                commands.merge(tx, TicketNumbers.parse(spec, number), TicketNumbers.parse(spec, into), actor, now));
        return ExitCodes.OK;
    }
}
