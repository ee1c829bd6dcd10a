package org.postdesk.cli;

import org.jooq.DSLContext;
import org.postdesk.app.MailboxChanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code postdesk mailbox …}: the watched mailboxes. */
@Command(name = "mailbox",
        footer = {"", "Examples:", "  postdesk mailbox list", "  postdesk mailbox test support"},
        mixinStandardHelpOptions = true,
        description = "Add, inspect, test and remove the mailboxes Postdesk watches.",
        subcommands = {
            MailboxAddCommand.class,
            MailboxSetCommand.class,
            MailboxListCommand.class,
            MailboxShowCommand.class,
            MailboxTestCommand.class,
            MailboxEnableCommand.class,
            MailboxDisableCommand.class,
            MailboxRemoveCommand.class,
            MailboxOAuthCommand.class,
        })
public final class MailboxCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    /** One call of a {@link MailboxChanges} use case. */
    @FunctionalInterface
    interface UseCase {
        String run(MailboxChanges changes, DSLContext tx);
    }

    /** Runs {@code useCase} in one transaction and prints what it says. */
    static void run(CommandSpec spec, UseCase useCase) {
        String result = PostdeskCommand.context(spec).database()
                .inTransaction(tx -> useCase.run(new MailboxChanges(), tx));
        spec.commandLine().getOut().println(result);
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: add, set, list, show, test, enable,"
                + " disable, remove or oauth");
    }
}
