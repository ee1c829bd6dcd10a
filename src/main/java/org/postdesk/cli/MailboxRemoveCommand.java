package org.postdesk.cli;

import java.util.concurrent.Callable;
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
        MailboxCommand.run(spec, (changes, tx) -> changes.remove(tx, name));
        return ExitCodes.OK;
    }
}
