package org.postdesk.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.jooq.DSLContext;
import org.postdesk.deadlines.SlaSync;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.AttachmentRow;
import org.postdesk.store.EventRepository;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.store.TierRepository;
import org.postdesk.tickets.TicketNumber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk ticket show NUMBER}: the ticket, every message in and out, and its history. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a ticket with its messages and history.",
        footer = {"", "Examples:", "  postdesk ticket show 10019", "  postdesk ticket show 10019 --json"})
final class TicketShowCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NUMBER", description = "The ticket number, as in the subject tag.")
    private String number;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Override
    public Integer call() {
        TicketNumber wanted = TicketNumbers.parse(spec, number);
        DSLContext dsl = PostdeskCommand.context(spec).database().dsl();
        TicketRow ticket = new TicketRepository(dsl).byNumber(wanted).orElse(null);
        if (ticket == null) {
            spec.commandLine().getErr().println("ticket " + wanted + " does not exist: see 'postdesk ticket list'");
            return ExitCodes.USAGE;
        }
        TicketView view = view(dsl, ticket);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(view));
        } else {
            new TicketPrinter(out).print(view);
        }
        return ExitCodes.OK;
    }

    private static TicketView view(DSLContext dsl, TicketRow t) {
        TicketRepository tickets = new TicketRepository(dsl);
        MessageRepository messages = new MessageRepository(dsl);
        List<AttachmentRow> attachments = messages.attachmentsOfTicket(t.id());
        String mailbox = new MailboxRepository(dsl).byId(t.mailboxId()).map(Mailbox::name).orElse("?");
        String owner = t.ownerAgentId() == null ? null : new AgentRepository(dsl).byId(t.ownerAgentId())
                .map(Agent::display).orElse("agent " + t.ownerAgentId());
        String linked = t.linkedTicketId() == null ? null
                : tickets.byId(t.linkedTicketId()).map(l -> l.number().toString()).orElse(null);
        return new TicketView(t.number().toString(), t.status().name(), t.priority(), t.category(), t.subject(),
                t.requester(), t.requesterName(), mailbox, t.locale(), t.ownerAgentId(), owner, t.ownerSince(), linked,
                t.createdAt(), t.updatedAt(), t.closedAt(), List.copyOf(tickets.participants(t.id())),
                messages.byTicket(t.id()).stream().map(m -> TicketView.message(m, attachments)).toList(),
                new EventRepository(dsl).byTicket(t.id()).stream().map(TicketView::event).toList(),
                SlaSync.deadlines(dsl, t.id(), Instant.now()).stream().map(TicketView.SlaView::of).toList(),
                new TierRepository(dsl).escalatedAt(t.id()).orElse(null));
    }
}
