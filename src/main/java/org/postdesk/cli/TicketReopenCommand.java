package org.postdesk.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.postdesk.store.Database;
import org.postdesk.store.EventRepository;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.tickets.TicketStatus;
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
        Database db = PostdeskCommand.context(spec).database();
        String result = db.inTransaction(tx -> {
            TicketRow t = TicketAdminSupport.find(spec, tx, number);
            TicketAdminSupport.refuseMerged(tx, t, "reopen");
            if (!t.status().isClosed()) {
                return "ticket " + t.number() + " is " + t.status() + ", not closed: nothing changed";
            }
            Instant now = Instant.now();
            new TicketRepository(tx).updateStatus(t.id(), TicketStatus.OPEN, now);
            new EventRepository(tx).record(t.id(), now, TicketAdminSupport.actor(spec), "status",
                    t.status() + " -> " + TicketStatus.OPEN + ", from the command line");
            return "ticket " + t.number() + " reopened";
        });
        spec.commandLine().getOut().println(result);
        return ExitCodes.OK;
    }
}
