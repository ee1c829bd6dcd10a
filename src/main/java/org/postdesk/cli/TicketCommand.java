package org.postdesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code postdesk ticket …}: read and steer tickets. */
@Command(name = "ticket",
        footer = {"", "Examples:", "  postdesk ticket list --status open", "  postdesk ticket close 10019"},
        mixinStandardHelpOptions = true,
        description = "List, show, close, reopen, annotate, merge, link, assign and release tickets.",
        subcommands = {
            TicketListCommand.class,
            TicketShowCommand.class,
            TicketCloseCommand.class,
            TicketReopenCommand.class,
            TicketNoteCommand.class,
            TicketMergeCommand.class,
            TicketAssignCommand.class,
            TicketReleaseCommand.class,
            TicketLinkCommand.class,
            TicketSaveCommand.class,
        })
public final class TicketCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: try 'postdesk ticket list'");
    }
}
