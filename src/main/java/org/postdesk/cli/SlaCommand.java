package org.postdesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code postdesk sla …}: the targets a mailbox promises, in business time. */
@Command(name = "sla",
        footer = {"", "Examples:",
            "  postdesk sla set support --first-response 4h --next-response 8h --resolution 40h",
            "  postdesk sla set support --priority urgent --first-response 30m --resolution 8h --escalate-priority urgent",
            "  postdesk sla list", "  postdesk sla show support --json"},
        mixinStandardHelpOptions = true,
        description = {"Set, list and show SLA policies: first response, next response and resolution targets in"
            + " business time, per mailbox and optionally per priority and category (the most specific one applies)."},
        subcommands = {SlaSetCommand.class, SlaRemoveCommand.class, SlaListCommand.class, SlaShowCommand.class})
public final class SlaCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: set, list or show");
    }
}
