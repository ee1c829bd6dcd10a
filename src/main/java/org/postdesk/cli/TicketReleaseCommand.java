package org.postdesk.cli;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.postdesk.ingest.Handover;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Database;
import org.postdesk.store.EventRepository;
import org.postdesk.store.OwnershipRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.tickets.agent.Owner;
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
        CliContext ctx = PostdeskCommand.context(spec);
        Database db = ctx.database();
        Handover handover = TicketAdminSupport.handover(ctx);
        String result = db.inTransaction(tx -> {
            TicketRow t = TicketAdminSupport.find(spec, tx, number);
            OwnershipRepository ownership = new OwnershipRepository(tx);
            Optional<Owner> owner = ownership.owner(t.id());
            if (owner.isEmpty()) {
                return "nobody holds ticket " + t.number() + ": nothing changed";
            }
            Instant now = Instant.now();
            if (!ownership.release(t.id(), owner.get(), now)) {
                throw new UsageException("ticket " + t.number() + " changed hands while releasing it: run the"
                        + " command again");
            }
            String was = new AgentRepository(tx).byId(owner.get().agentId()).map(Agent::primaryAddress)
                    .orElse("agent " + owner.get().agentId());
            new EventRepository(tx).record(t.id(), now, TicketAdminSupport.actor(spec), "release",
                    "released from the command line (was held by " + was + ")");
            handover.released(tx, t.id(), TicketAdminSupport.actor(spec), null, now);
            return "ticket " + t.number() + " released (was held by " + was + ")";
        });
        spec.commandLine().getOut().println(result);
        return ExitCodes.OK;
    }
}
