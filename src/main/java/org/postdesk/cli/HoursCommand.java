package org.postdesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code postdesk hours …}: a mailbox's business hours, which the SLA clocks and the after-hours reply use. */
@Command(name = "hours",
        footer = {"", "Examples:",
            "  postdesk hours set support --weekly 'mon-fri 09:00-13:00,14:00-18:00; sat 10:00-14:00' --zone Europe/Kyiv",
            "  postdesk hours check support --at 2026-12-31T23:00",
            "  postdesk hours show support --json"},
        mixinStandardHelpOptions = true,
        description = {"Set, show and check a mailbox's weekly business hours and time zone.",
            "A mailbox without hours is open around the clock and never sends the after-hours acknowledgement."},
        subcommands = {HoursSetCommand.class, HoursShowCommand.class, HoursCheckCommand.class})
public final class HoursCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: set, show or check");
    }
}
