package org.postdesk.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.postdesk.outbound.BusinessTimeText;
import org.postdesk.sla.BusinessCalendar;
import org.postdesk.sla.DayOverride;
import org.postdesk.sla.ScopedPolicy;
import org.postdesk.sla.SlaPolicy;
import org.postdesk.store.CalendarRepository;
import org.postdesk.store.Mailbox;
import org.postdesk.store.SlaPolicyRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code postdesk hours check MAILBOX --at LOCAL}: what a customer writing at that moment would meet:
 * open or closed (and which holiday), the next opening, and the due time of each target of the policy
 * a new ticket gets, so an admin can verify a calendar before customers see it.
 */
@Command(name = "check",
        footer = {"", "Examples:", "  postdesk hours check support --at 2026-12-31T23:00",
            "  postdesk hours check support --at 2026-03-08T10:00 --priority high --json"},
        mixinStandardHelpOptions = true,
        description = {"Check a calendar at a moment: open or closed, the next opening, and sample due times.",
            "--at is local time in the mailbox's zone (default: now)."})
final class HoursCheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MAILBOX")
    private String mailbox;

    @Option(names = "--at", paramLabel = "YYYY-MM-DDTHH:MM", description = "Local time in the mailbox's zone.")
    private String at;

    @Option(names = "--priority", paramLabel = "P", defaultValue = "normal", description = "Priority of the sample ticket.")
    private String priority;

    @Option(names = "--category", paramLabel = "NAME", description = "Category of the sample ticket.")
    private String category;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    /** The result, also as JSON. */
    record Check(String mailbox, String zone, Instant at, boolean open, String holiday, Instant nextOpening,
                 List<Due> due) {
    }

    /** A sample due time for one target. */
    record Due(String target, String budget, Instant dueAt) {
    }

    @Override
    public Integer call() {
        var dsl = PostdeskCommand.context(spec).database().dsl();
        Mailbox m = SlaCli.mailbox(dsl, mailbox);
        BusinessCalendar cal = SlaCli.refusing(() -> new CalendarRepository(dsl).calendarOrAlways(m.id()));
        Instant when = instant(cal);
        SlaPolicy policy = ScopedPolicy.select(new SlaPolicyRepository(dsl).forMailbox(m.id()), priority, category)
                .orElse(SlaPolicy.none());
        List<Due> due = new ArrayList<>();
        policy.targets().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> due.add(
                new Due(e.getKey().key(), BusinessTimeText.duration(e.getValue()), cal.plusBusinessTime(when, e.getValue()))));
        Check c = new Check(m.name(), cal.zone().getId(), when, cal.isOpen(when),
                cal.closedDayAt(when).map(DayOverride::name).orElse(""), cal.nextOpening(when), due);
        print(c, cal);
        return ExitCodes.OK;
    }

    private Instant instant(BusinessCalendar cal) {
        if (at == null) {
            return Instant.now();
        }
        try {
            return LocalDateTime.parse(at.trim()).atZone(cal.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException("--at " + at + " is not a local date and time: write YYYY-MM-DDTHH:MM,"
                    + " e.g. 2026-12-31T23:00 (in the mailbox's zone, " + cal.zone().getId() + ")");
        }
    }

    private void print(Check c, BusinessCalendar cal) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(c));
            return;
        }
        out.printf("%-14s %s%n", "at:", BusinessTimeText.when(c.at(), cal.zone(), "en"));
        out.printf("%-14s %s%n", "state:", (c.open() ? "open" : "closed")
                + (c.holiday().isEmpty() ? "" : " (" + c.holiday() + ")"));
        out.printf("%-14s %s%n", "next opening:", BusinessTimeText.when(c.nextOpening(), cal.zone(), "en"));
        if (c.due().isEmpty()) {
            out.printf("%-14s %s%n", "due:", "no SLA policy applies (postdesk sla set " + c.mailbox() + " …)");
        }
        c.due().forEach(d -> out.printf("%-14s %s (%s of business time)%n", d.target() + ":",
                BusinessTimeText.when(d.dueAt(), cal.zone(), "en"), d.budget()));
    }
}
