package org.postdesk.cli;

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
            MailboxListCommand.class,
            MailboxShowCommand.class,
            MailboxTestCommand.class,
            MailboxEnableCommand.class,
            MailboxDisableCommand.class,
            MailboxRemoveCommand.class,
        })
public final class MailboxCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: add, list, show, test, enable, disable or remove");
    }
}
