package org.postdesk.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import org.postdesk.deadlines.IcsHolidays;
import org.postdesk.sla.DayOverride;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk holiday import FILE.ics}: every event of an iCalendar file becomes a holiday. */
@Command(name = "import",
        footer = {"", "Examples:", "  postdesk holiday import ua-holidays.ics --mailbox support",
            "  postdesk holiday import us-holidays.ics --years 3"},
        mixinStandardHelpOptions = true,
        description = {"Import public holidays from an iCalendar (.ics) file: each event is a holiday on every date"
            + " it covers, named by its SUMMARY; yearly rules are expanded from this year for --years years.",
            "The whole file is checked first: an error names the line, and nothing is imported."})
final class HolidayImportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.ics")
    private Path file;

    @Option(names = "--mailbox", paramLabel = "NAME", description = "The mailbox (default: the only one).")
    private String mailbox;

    @Option(names = "--years", paramLabel = "N", defaultValue = "2", description = "Years of recurring holidays (default 2).")
    private int years;

    @Override
    public Integer call() {
        if (years < 1 || years > 20) {
            throw new UsageException("--years " + years + " is out of range: give 1 to 20");
        }
        LocalDate from = LocalDate.now(ZoneOffset.UTC).withDayOfYear(1);
        List<DayOverride> days;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            days = SlaCli.refusing(() -> IcsHolidays.read(in, file.toString(), from, from.plusYears(years)));
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage() + " (check the path)");
        }
        if (days.isEmpty()) {
            throw new UsageException(file + " holds no events: nothing to import");
        }
        Instant now = Instant.now();
        SlaCli.changeAndRecompute(spec, now, (changes, tx) -> changes.putDays(tx, mailbox, days, now),
                m -> "mailbox " + m.name() + ": imported " + days.size() + " holiday(s) from " + file + ", "
                        + days.get(0).date() + " to " + days.get(days.size() - 1).date());
        return ExitCodes.OK;
    }
}
