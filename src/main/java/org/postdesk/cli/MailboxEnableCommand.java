package org.postdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk mailbox enable NAME}: the daemon watches it again. */
@Command(name = "enable",
        footer = {"", "Examples:", "  postdesk mailbox enable support"},
        mixinStandardHelpOptions = true, description = "Watch a disabled mailbox again.")
final class MailboxEnableCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    private String name;

    @Override
    public Integer call() {
        return setEnabled(spec, name, true);
    }

    static int setEnabled(CommandSpec spec, String name, boolean enabled) {
        MailboxCommand.run(spec, (changes, tx) -> changes.setEnabled(tx, name, enabled));
        return ExitCodes.OK;
    }
}
