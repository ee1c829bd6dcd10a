package org.postdesk.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.postdesk.store.Database;
import org.postdesk.store.EventRepository;
import org.postdesk.store.TicketLinks;
import org.postdesk.store.TicketRow;
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
        Database db = PostdeskCommand.context(spec).database();
        String actor = TicketAdminSupport.actor(spec);
        String result = db.inTransaction(tx -> {
            TicketRow a = find(tx, first);
            TicketRow b = find(tx, second);
            if (a.id() == b.id()) {
                throw new UsageException("ticket " + a.number() + " cannot be linked to itself: give two tickets");
            }
            Instant now = Instant.now();
            if (!new TicketLinks(tx).link(a.id(), b.id(), actor, now)) {
                return "tickets " + a.number() + " and " + b.number() + " were linked already";
            }
            EventRepository events = new EventRepository(tx);
            events.record(a.id(), now, actor, "link", "linked to ticket " + b.number());
            events.record(b.id(), now, actor, "link", "linked to ticket " + a.number());
            return "tickets " + a.number() + " and " + b.number() + " linked";
        });
        spec.commandLine().getOut().println(result);
        return ExitCodes.OK;
    }

    private TicketRow find(org.jooq.DSLContext tx, String typed) {
        org.postdesk.tickets.TicketNumber n = TicketNumbers.parse(spec, typed);
        return new org.postdesk.store.TicketRepository(tx).byNumber(n).orElseThrow(() -> new UsageException("ticket "
                + n + " does not exist (see: postdesk ticket list)"));
    }
}
