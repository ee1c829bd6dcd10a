package org.postdesk.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.postdesk.store.CalendarRepository;
import org.postdesk.store.Mailbox;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code postdesk holiday list}: every holiday and exception of a mailbox, by date. */
@Command(name = "list", footer = {"", "Examples:", "  postdesk holiday list --mailbox support --json"},
        mixinStandardHelpOptions = true, description = "List a mailbox's holidays and exceptions.")
final class HolidayListCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--mailbox", paramLabel = "NAME", description = "The mailbox (default: the only one).")
    private String mailbox;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Override
    public Integer call() {
        var dsl = PostdeskCommand.context(spec).database().dsl();
        Mailbox m = SlaCli.mailboxOrOnly(dsl, mailbox);
        List<CalendarView.Day> days = new CalendarRepository(dsl).days(m.id()).stream().map(CalendarView.Day::of).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(days));
            return ExitCodes.OK;
        }
        if (days.isEmpty()) {
            out.println("mailbox " + m.name() + " has no holidays or exceptions (postdesk holiday add|import)");
        }
        days.forEach(d -> out.printf("%s  %-8s %s%s%n", d.date(), d.kind(), d.name(),
                d.hours().isEmpty() ? "" : " (" + d.hours() + ")"));
        return ExitCodes.OK;
    }
}
