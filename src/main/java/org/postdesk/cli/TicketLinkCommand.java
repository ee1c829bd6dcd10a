package org.postdesk.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.postdesk.app.Actor;
import org.postdesk.app.TicketCommands;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk ticket link N M}: record that two tickets are about the same problem. */
@Command(name = "link", mixinStandardHelpOptions = true,
        description = {"Record that two tickets are about the same problem (both stay open and separate; see merge to"
            + " join them). postdesk report problems groups linked tickets together.", "Nothing is sent to anyone."},
        footer = {"", "Examples:", "  postdesk ticket link 10019 10027"})
final class TicketLinkCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NUMBER")
    private String first;

    @Parameters(index = "1", paramLabel = "OTHER")
    private String second;

    @Override
    public Integer call() {
        Actor actor = Actor.admin(TicketAdminSupport.actor(spec));
        String result = PostdeskCommand.context(spec).database().inTransaction(tx -> TicketCommands.link(tx,
                TicketNumbers.parse(spec, first), TicketNumbers.parse(spec, second), actor, Instant.now()));
        spec.commandLine().getOut().println(result);
        return ExitCodes.OK;
    }
}
