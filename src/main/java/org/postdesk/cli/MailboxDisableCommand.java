package org.postdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk mailbox disable NAME}: stop watching it but keep its tickets and history. */
@Command(name = "disable",
        footer = {"", "Examples:", "  postdesk mailbox disable support"},
        mixinStandardHelpOptions = true,
        description = "Stop watching a mailbox; its tickets and history are kept.")
final class MailboxDisableCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    private String name;

    @Override
    public Integer call() {
        return MailboxEnableCommand.setEnabled(spec, name, false);
    }
}
