package org.postdesk.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk holiday remove DATE}: the ordinary week applies to that date again. */
@Command(name = "remove", footer = {"", "Examples:", "  postdesk holiday remove 2026-12-25 --mailbox support"},
        mixinStandardHelpOptions = true, description = "Remove a holiday or exception; due times are recomputed.")
final class HolidayRemoveCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "YYYY-MM-DD")
    private String date;

    @Option(names = "--mailbox", paramLabel = "NAME", description = "The mailbox (default: the only one).")
    private String mailbox;

    @Override
    public Integer call() {
        LocalDate d = SlaCli.refusing(() -> HolidayAddCommand.parseDate(date));
        Instant now = Instant.now();
        SlaCli.changeAndRecompute(spec, now, (changes, tx) -> changes.removeDay(tx, mailbox, d, now),
                m -> "mailbox " + m.name() + ": " + d + " follows the ordinary week again");
        return ExitCodes.OK;
    }
}
