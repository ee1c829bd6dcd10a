package org.postdesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code postdesk store …}: looking after the store itself. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Look after the store itself (the embedded H2 file).",
        footer = {"", "Examples:", "  systemctl stop postdesk && postdesk store compact && systemctl start postdesk"},
        subcommands = {StoreCompactCommand.class})
public final class StoreCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: try 'postdesk store compact'");
    }
}
