package org.postdesk.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.postdesk.store.TicketRepository;
import org.postdesk.tickets.TicketStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code postdesk ticket list}: the newest tickets first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List tickets, newest first.",
        footer = {"", "Examples:", "  postdesk ticket list", "  postdesk ticket list --status open --json"})
final class TicketListCommand implements Callable<Integer> {
    private static final String FORMAT = "%-10s %-8s %-7s %-24s %-19s %s%n";

    @Spec
    private CommandSpec spec;

    @Option(names = "--status", paramLabel = "S", description = "Only tickets in this status: new, open, pending, closed, spam.")
    private String status;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N tickets (default ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Override
    public Integer call() {
        TicketStatus wanted = status == null ? null : parseStatus();
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit " + limit + " is too small: use 1 or more");
        }
        TicketRepository tickets = new TicketRepository(PostdeskCommand.context(spec).database().dsl());
        List<TicketView.Summary> rows = tickets.list(wanted, limit).stream().map(TicketView.Summary::of).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(rows));
        } else if (rows.isEmpty()) {
            out.println(wanted == null ? "no tickets yet" : "no " + wanted.name().toLowerCase(Locale.ROOT) + " tickets");
        } else {
            out.printf(FORMAT, "NUMBER", "STATUS", "PRIO", "REQUESTER", "UPDATED", "SUBJECT");
            rows.forEach(r -> out.printf(FORMAT, r.number(), r.status(), r.priority(), r.requester(),
                    MailboxListCommand.time(r.updatedAt()), shortSubject(r.subject())));
        }
        return ExitCodes.OK;
    }

    /** One line per ticket, even for a subject of thousands of characters (--json keeps it whole). */
    static String shortSubject(String subject) {
        String line = subject.replaceAll("\\s+", " ");
        return line.length() > 100 ? line.substring(0, 99) + "…" : line;
    }

    private TicketStatus parseStatus() {
        try {
            return TicketStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--status '" + status
                    + "' is not a ticket status: use new, open, pending, closed or spam");
        }
    }
}
