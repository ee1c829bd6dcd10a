package org.postdesk.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.postdesk.outbound.BusinessTimeText;
import org.postdesk.sla.BusinessCalendar;
import org.postdesk.store.CalendarRepository;
import org.postdesk.store.Mailbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk hours show MAILBOX}: the weekly hours, zone, exceptions, and whether it is open now. */
@Command(name = "show", footer = {"", "Examples:", "  postdesk hours show support", "  postdesk hours show support --json"},
        mixinStandardHelpOptions = true, description = "Show a mailbox's business hours, holidays and exceptions.")
final class HoursShowCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MAILBOX")
    private String mailbox;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Override
    public Integer call() {
        var dsl = PostdeskCommand.context(spec).database().dsl();
        Mailbox m = SlaCli.mailbox(dsl, mailbox);
        Optional<BusinessCalendar> cal = SlaCli.refusing(() -> new CalendarRepository(dsl).calendar(m.id()));
        Instant now = Instant.now();
        CalendarView v = CalendarView.of(m.name(), cal.isPresent(), cal.orElseGet(BusinessCalendar::always), now);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(v));
            return ExitCodes.OK;
        }
        BusinessCalendar c = cal.orElseGet(BusinessCalendar::always);
        out.printf("%-14s %s%n", "mailbox:", m.name());
        out.printf("%-14s %s%n", "hours:", cal.isEmpty() ? "none set: open around the clock (postdesk hours set)" : v.weekly());
        out.printf("%-14s %s%n", "zone:", v.zone());
        out.printf("%-14s %s%n", "now:", v.openNow() ? "open" : "closed, opens " + BusinessTimeText.when(v.nextOpening(),
                c.zone(), "en"));
        out.printf("%-14s %s%n", "exceptions:", v.exceptions().isEmpty() ? "none" : v.exceptions().size());
        v.exceptions().forEach(d -> out.printf("  %s  %-8s %s%s%n", d.date(), d.kind(), d.name(),
                d.hours().isEmpty() ? "" : " (" + d.hours() + ")"));
        return ExitCodes.OK;
    }
}
