package org.postdesk.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jooq.DSLContext;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.store.TicketSlaRepository;
import org.postdesk.tickets.TicketStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code postdesk ticket list}: the newest tickets first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List tickets, newest first.",
        footer = {"", "Examples:", "  postdesk ticket list", "  postdesk ticket list --status open --json",
            "  postdesk ticket list --breaching", "  postdesk ticket list --due-within 2h"})
final class TicketListCommand implements Callable<Integer> {
    private static final String FORMAT = "%-10s %-8s %-7s %-24s %-20s %-34s %s%n";

    @Spec
    private CommandSpec spec;

    @Option(names = "--status", paramLabel = "S", description = "Only tickets in this status: new, open, pending, closed, spam.")
    private String status;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N tickets (default ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Option(names = "--breaching", description = "Only tickets with an SLA target past its due time, soonest due first.")
    private boolean breaching;

    @Option(names = "--due-within", paramLabel = "TIME",
            description = "Only tickets with an SLA target due within TIME (30m, 2h, 1d; breached ones too), soonest first.")
    private String dueWithin;

    @Override
    public Integer call() {
        TicketStatus wanted = status == null ? null : parseStatus();
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit " + limit + " is too small: use 1 or more");
        }
        DSLContext dsl = PostdeskCommand.context(spec).database().dsl();
        TicketRepository tickets = new TicketRepository(dsl);
        TicketSlaRepository sla = new TicketSlaRepository(dsl);
        List<TicketRow> found = breaching || dueWithin != null ? byDueTime(tickets, sla, wanted)
                : tickets.list(wanted, limit);
        List<TicketView.Summary> rows = found.stream().map(t -> TicketView.Summary.of(t, sla.byTicket(t.id()))).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(rows));
        } else if (rows.isEmpty()) {
            out.println(wanted == null ? "no tickets yet" : "no " + wanted.name().toLowerCase(Locale.ROOT) + " tickets");
        } else {
            out.printf(FORMAT, "NUMBER", "STATUS", "PRIO", "REQUESTER", "UPDATED", "SLA (FIRST DUE)", "SUBJECT");
            rows.forEach(r -> out.printf(FORMAT, r.number(), r.status(), r.priority(), r.requester(),
                    MailboxListCommand.time(r.updatedAt()), r.sla() == null ? "-"
                            : r.sla() + " " + MailboxListCommand.time(r.dueAt()), shortSubject(r.subject())));
        }
        return ExitCodes.OK;
    }

    /** The tickets whose stored SLA rows match --breaching / --due-within, soonest due first (issue 11). */
    private List<TicketRow> byDueTime(TicketRepository tickets, TicketSlaRepository sla, TicketStatus wanted) {
        Instant now = Instant.now();
        List<Long> ids = breaching && dueWithin == null ? sla.breaching(now, limit)
                : sla.dueBy(now.plus(CliDurations.parse(spec, "--due-within", dueWithin)), limit);
        return ids.stream().map(tickets::byId).flatMap(Optional::stream)
                .filter(t -> wanted == null || t.status() == wanted).toList();
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
