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

/** {@code postdesk ticket close NUMBER}: closes the ticket, recorded in its history. Sends no mail. */
@Command(name = "close", mixinStandardHelpOptions = true,
        description = "Close a ticket (no mail is sent). A later customer reply reopens it within the reopen window.",
        footer = {"", "Examples:", "  postdesk ticket close 10019"})
final class TicketCloseCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NUMBER", description = "The ticket number.")
    private String number;

    @Override
    public Integer call() {
        Database db = PostdeskCommand.context(spec).database();
        String result = db.inTransaction(tx -> {
            TicketRow t = TicketAdminSupport.find(spec, tx, number);
            if (t.status() == TicketStatus.CLOSED) {
                return "ticket " + t.number() + " is already closed: nothing changed";
            }
            Instant now = Instant.now();
            new TicketRepository(tx).updateStatus(t.id(), t.status().close(), now);
            new EventRepository(tx).record(t.id(), now, TicketAdminSupport.actor(spec), "status",
                    t.status() + " -> " + t.status().close() + ", from the command line");
            return "ticket " + t.number() + " closed";
        });
        spec.commandLine().getOut().println(result);
        return ExitCodes.OK;
    }
}
