package org.postdesk.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.postdesk.store.Database;
import org.postdesk.store.EventRepository;
import org.postdesk.store.TicketMerges;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
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
        Database db = PostdeskCommand.context(spec).database();
        String actor = TicketAdminSupport.actor(spec);
        String result = db.inTransaction(tx -> {
            TicketRow from = TicketAdminSupport.find(spec, tx, number);
            TicketRow to = TicketAdminSupport.find(spec, tx, into);
            if (from.id() == to.id()) {
                throw new UsageException("ticket " + from.number() + " cannot be merged into itself: give another"
                        + " ticket with --into");
            }
            TicketAdminSupport.refuseMerged(tx, from, "merge");
            TicketAdminSupport.refuseMerged(tx, to, "merge into");
            if (from.mailboxId() != to.mailboxId()) {
                throw new UsageException("tickets " + from.number() + " and " + to.number() + " belong to different"
                        + " mailboxes: replies would leave from another address; merge only within one mailbox");
            }
            Instant now = Instant.now();
            TicketMerges.Moved moved = new TicketRepository(tx).merges().merge(from.id(), to.id(), now);
            EventRepository events = new EventRepository(tx);
            events.record(to.id(), now, actor, "merge", "ticket " + from.number() + " merged into this one: "
                    + moved.messages() + " message(s), " + moved.participants() + " participant(s), "
                    + moved.events() + " history line(s)");
            events.record(from.id(), now, actor, "merged-into", "merged into ticket " + to.number());
            return "ticket " + from.number() + " merged into " + to.number() + ": " + moved.messages()
                    + " message(s) moved; " + from.number() + " is closed and points to " + to.number();
        });
        spec.commandLine().getOut().println(result);
        return ExitCodes.OK;
    }
}
