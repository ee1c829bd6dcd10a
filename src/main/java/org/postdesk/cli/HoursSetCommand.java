package org.postdesk.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.postdesk.sla.BusinessCalendar;
import org.postdesk.sla.WeeklyHours;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk hours set MAILBOX --weekly SPEC --zone ZONE}: checked, stored, due times recomputed. */
@Command(name = "set",
        footer = {"", "Examples:",
            "  postdesk hours set support --weekly 'mon-fri 09:00-18:00' --zone Europe/Kyiv",
            "  postdesk hours set support --weekly 'mon-fri 09:00-13:00,14:00-18:00; sat 10:00-14:00' --zone Europe/Kyiv",
            "  postdesk hours set night --weekly 'mon-fri 22:00-06:00' --zone America/New_York"},
        mixinStandardHelpOptions = true,
        description = {"Set a mailbox's weekly business hours and time zone.",
            "Days: mon tue wed thu fri sat sun, ranges (mon-fri) and lists (sat,sun); intervals HH:MM-HH:MM separated"
            + " by commas; clauses separated by ';'. An interval ending at or before its start ends the next day;"
            + " 24:00 is midnight. Overlapping intervals and unknown zones are refused and nothing is changed.",
            "The due times of the mailbox's open tickets are recomputed."})
final class HoursSetCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MAILBOX")
    private String mailbox;

    @Option(names = "--weekly", required = true, paramLabel = "SPEC", description = "e.g. 'mon-fri 09:00-18:00'")
    private String weekly;

    @Option(names = "--zone", required = true, paramLabel = "ZONE", description = "IANA time zone, e.g. Europe/Kyiv")
    private String zone;

    @Override
    public Integer call() {
        ZoneId z = SlaCli.zone(zone);
        WeeklyHours hours = SlaCli.refusing(() -> WeeklyHours.parse(weekly));
        SlaCli.refusing(() -> new BusinessCalendar(z, hours, List.of()));
        Instant now = Instant.now();
        SlaCli.changeAndRecompute(spec, now, (changes, tx) -> changes.setHours(tx, mailbox, z, hours, now),
                m -> "mailbox " + m.name() + ": open " + hours + " (" + z.getId() + ")");
        return ExitCodes.OK;
    }
}
