package org.postdesk.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code postdesk holiday …}: holidays, closed days and days with their own hours. */
@Command(name = "holiday",
        footer = {"", "Examples:",
            "  postdesk holiday add 2026-12-25 --name Christmas --mailbox support",
            "  postdesk holiday add 2026-12-31 --hours 09:00-13:00 --name \"New Year's Eve\"",
            "  postdesk holiday import ua-holidays.ics --mailbox support",
            "  postdesk holiday list --mailbox support"},
        mixinStandardHelpOptions = true,
        description = {"Add, remove, list and import (.ics) the days a mailbox's ordinary week does not apply.",
            "--mailbox may be left out when there is only one mailbox."},
        subcommands = {HolidayAddCommand.class, HolidayRemoveCommand.class, HolidayListCommand.class,
            HolidayImportCommand.class})
public final class HolidayCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: add, remove, list or import");
    }
}
