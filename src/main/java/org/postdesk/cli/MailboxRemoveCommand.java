package org.postdesk.cli;

import java.util.concurrent.Callable;
import org.postdesk.store.MailboxRemoval;
import org.postdesk.store.MailboxRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk mailbox remove NAME}: only for a mailbox without tickets; others are disabled instead. */
@Command(name = "remove",
        footer = {"", "Examples:", "  postdesk mailbox remove support"},
        mixinStandardHelpOptions = true,
        description = "Remove a mailbox that has no tickets (one with tickets can only be disabled).")
final class MailboxRemoveCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    private String name;

    @Override
    public Integer call() {
        MailboxRemoval result = new MailboxRepository(PostdeskCommand.context(spec).database().dsl()).remove(name);
        if (result == MailboxRemoval.NOT_FOUND) {
            throw new UsageException("no mailbox named " + name + " (see: postdesk mailbox list)");
        }
        if (result == MailboxRemoval.IN_USE) {
            throw new UsageException("mailbox " + name + " has tickets or queued mail, so it is kept;"
                    + " stop watching it with: postdesk mailbox disable " + name);
        }
        spec.commandLine().getOut().println("mailbox " + name + " removed");
        return ExitCodes.OK;
    }
}
