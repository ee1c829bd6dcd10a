package org.postdesk.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.postdesk.store.DaemonInfo;
import org.postdesk.store.DaemonRegistry;
import org.postdesk.store.MailboxRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code postdesk mailbox list}: every mailbox with what its worker last reported. */
@Command(name = "list",
        footer = {"", "Examples:", "  postdesk mailbox list", "  postdesk mailbox list --json"},
        mixinStandardHelpOptions = true, description = "List mailboxes with their state.")
final class MailboxListCommand implements Callable<Integer> {
    private static final String FORMAT = "%-16s %-28s %-8s %-9s %-20s %-18s %-24s %s%n";

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Override
    public Integer call() {
        DSLContext dsl = PostdeskCommand.context(spec).database().dsl();
        Map<Long, DaemonInfo> watchers = new DaemonRegistry(dsl).watchers();
        Instant now = Instant.now();
        List<MailboxView> views = new MailboxRepository(dsl).listWithState().stream()
                .map(row -> MailboxView.of(row, watchers, now)).collect(Collectors.toList());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(views));
        } else if (views.isEmpty()) {
            out.println("no mailboxes yet: add one with postdesk mailbox add NAME --address ADDR --imap URL --smtp URL");
        } else {
            out.printf(FORMAT, "NAME", "ADDRESS", "ENABLED", "STATE", "LAST OK", "UID", "WATCHED BY", "LAST ERROR");
            views.forEach(v -> out.printf(FORMAT, v.name(), v.address(), v.enabled() ? "yes" : "no", v.state(),
                    time(v.lastOkAt()), uid(v), v.watchedBy(), v.lastError() == null ? "-" : oneLine(v.lastError())));
        }
        return ExitCodes.OK;
    }

    static String time(Instant t) {
        return t == null ? "-" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String uid(MailboxView v) {
        return v.uidValidity() == null ? "-" : v.uidValidity() + "/" + v.lastUid();
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() > 100 ? line.substring(0, 99) + "…" : line;
    }
}
