package org.postdesk.cli;

import java.time.Clock;
import java.time.Instant;
import org.jooq.DSLContext;
import org.postdesk.app.Actor;
import org.postdesk.app.Handover;
import org.postdesk.app.TicketCommands;
import org.postdesk.daemon.DaemonLauncher;
import org.postdesk.daemon.Pipeline;
import picocli.CommandLine.Model.CommandSpec;

/** What the changing {@code ticket} commands share: one use case in one transaction, its line printed. */
final class TicketAdminSupport {
    private TicketAdminSupport() {
    }

    /** One call of a {@link TicketCommands} use case. */
    @FunctionalInterface
    interface UseCase {
        String run(TicketCommands commands, DSLContext tx, Actor actor, Instant now);
    }

    /** Runs {@code useCase} in one transaction as the admin at the keyboard and prints what it says. */
    static void run(CommandSpec spec, UseCase useCase) {
        CliContext ctx = PostdeskCommand.context(spec);
        TicketCommands commands = new TicketCommands(handover(ctx));
        Actor actor = Actor.admin(actor(spec));
        String result = ctx.database().inTransaction(tx -> useCase.run(commands, tx, actor, Instant.now()));
        spec.commandLine().getOut().println(result);
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
