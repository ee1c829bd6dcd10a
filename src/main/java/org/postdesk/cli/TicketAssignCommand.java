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
        CliContext ctx = PostdeskCommand.context(spec);
        Database db = ctx.database();
        Handover handover = TicketAdminSupport.handover(ctx);
        String result = db.inTransaction(tx -> {
            TicketRow t = TicketAdminSupport.find(spec, tx, number);
            TicketAdminSupport.refuseMerged(tx, t, "assign");
            AgentRepository agents = new AgentRepository(tx);
            Agent to = AgentShowCommand.find(agents, agent);
            if (!to.active()) {
                throw new UsageException("agent " + to.primaryAddress() + " is disabled: enable them first"
                        + " (postdesk agent enable " + to.primaryAddress() + ")");
            }
            OwnershipRepository ownership = new OwnershipRepository(tx);
            Optional<Owner> before = ownership.owner(t.id());
            if (before.isPresent() && before.get().agentId() == to.id()) {
                return "ticket " + t.number() + " is already held by " + to.primaryAddress() + ": nothing changed";
            }
            Instant now = Instant.now();
            ownership.assign(t.id(), to.id(), now);
            String was = before.map(o -> agents.byId(o.agentId()).map(Agent::primaryAddress)
                    .orElse("agent " + o.agentId())).orElse(null);
            new EventRepository(tx).record(t.id(), now, TicketAdminSupport.actor(spec), "assign",
                    "to " + to.primaryAddress() + " from the command line" + (was == null ? "" : " (was " + was + ")"));
            handover.assigned(tx, t.id(), to, before, TicketAdminSupport.actor(spec), null, now);
            return "ticket " + t.number() + " assigned to " + to.display()
                    + (was == null ? "" : " (was " + was + ")");
        });
        spec.commandLine().getOut().println(result);
        return ExitCodes.OK;
    }
}
