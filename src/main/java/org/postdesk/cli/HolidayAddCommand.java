package org.postdesk.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.postdesk.sla.DayOverride;
import org.postdesk.sla.TimeRange;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk holiday add DATE}: a holiday, a closed day ({@code --closed}) or own hours ({@code --hours}). */
@Command(name = "add",
        footer = {"", "Examples:", "  postdesk holiday add 2026-12-25 --name Christmas",
            "  postdesk holiday add 2026-06-12 --closed --name 'Team day' --mailbox support",
            "  postdesk holiday add 2026-12-31 --hours 09:00-13:00 --name \"New Year's Eve\"",
            "  postdesk holiday add 2026-12-26 --hours 10:00-14:00 --name 'Extra Saturday'"},
        mixinStandardHelpOptions = true,
        description = {"Add a holiday (closed, named in the after-hours reply), a closed day, or a day with its own"
            + " hours (shortened, or an extra opening); replaces what that date had. Due times are recomputed."})
final class HolidayAddCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "YYYY-MM-DD")
    private String date;

    @Option(names = "--name", paramLabel = "TEXT", defaultValue = "", description = "What the day is called.")
    private String name;

    @Option(names = "--closed", description = "Closed for another reason than a public holiday.")
    private boolean closed;

    @Option(names = "--hours", paramLabel = "HH:MM-HH:MM[,…]", description = "The day's own hours instead of closing it.")
    private String hours;

    @Option(names = "--mailbox", paramLabel = "NAME", description = "The mailbox (default: the only one).")
    private String mailbox;

    @Override
    public Integer call() {
        DayOverride day = SlaCli.refusing(this::day);
        Instant now = Instant.now();
        SlaCli.changeAndRecompute(spec, now, (changes, tx) -> changes.putDays(tx, mailbox, List.of(day), now),
                m -> "mailbox " + m.name() + ": " + day.date() + " is " + describe(day));
        return ExitCodes.OK;
    }

    private DayOverride day() {
        LocalDate d = parseDate(date);
        if (hours != null && closed) {
            throw new IllegalArgumentException("--closed and --hours contradict each other: give one");
        }
        if (hours != null) {
            return DayOverride.hours(d, name, Arrays.stream(hours.split(",")).map(TimeRange::parse).toList());
        }
        return closed ? DayOverride.closed(d, name) : DayOverride.holiday(d, name);
    }

    static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(text + " is not a date: write YYYY-MM-DD, e.g. 2026-12-25", e);
        }
    }

    static String describe(DayOverride d) {
        String what = switch (d.kind()) {
            case HOLIDAY -> "a holiday";
            case CLOSED -> "closed";
            case HOURS -> "open " + String.join(",", d.hours().stream().map(TimeRange::toString).toList());
        };
        return what + (d.name().isEmpty() ? "" : " (" + d.name() + ")");
    }
}
