package org.postdesk.cli;

import java.time.Clock;
import org.jooq.DSLContext;
import org.postdesk.daemon.DaemonLauncher;
import org.postdesk.daemon.Pipeline;
import org.postdesk.ingest.Handover;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.tickets.TicketNumber;
import picocli.CommandLine.Model.CommandSpec;

/** What the changing {@code ticket} commands share: finding the ticket and naming the admin in the audit. */
final class TicketAdminSupport {
    private TicketAdminSupport() {
    }

    /** The ticket, or a {@link UsageException} that says how to find numbers. */
    static TicketRow find(CommandSpec spec, DSLContext dsl, String typed) {
        TicketNumber number = TicketNumbers.parse(spec, typed);
        return new TicketRepository(dsl).byNumber(number).orElseThrow(() -> new UsageException("ticket " + number
                + " does not exist (see: postdesk ticket list)"));
    }

    /** Refuses to change a ticket that was merged: its conversation lives in the survivor now. */
    static void refuseMerged(DSLContext dsl, TicketRow t, String what) {
        new TicketRepository(dsl).merges().mergedInto(t.id()).flatMap(new TicketRepository(dsl)::byId)
                .ifPresent(survivor -> {
                    throw new UsageException("ticket " + t.number() + " was merged into " + survivor.number()
                            + ": " + what + " ticket " + survivor.number() + " instead");
                });
    }

    /** The audit actor of an admin command: {@code admin:<login>}. */
    static String actor(CommandSpec spec) {
        return TemplateSupport.author(spec);
    }

    /** Tells agents about ownership changes made here; the running daemon sends the mails. */
    static Handover handover(CliContext ctx) {
        return new Handover(Pipeline.agentNotices(ctx.config(), ctx.database(), ctx.secrets(),
                DaemonLauncher.templatesDir(), Clock.systemUTC()));
    }
}
