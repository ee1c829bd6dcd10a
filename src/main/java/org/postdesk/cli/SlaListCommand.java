package org.postdesk.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.postdesk.deadlines.CalendarChanges;
import org.postdesk.outbound.BusinessTimeText;
import org.postdesk.sla.ScopedPolicy;
import org.postdesk.sla.SlaPolicy;
import org.postdesk.sla.SlaTarget;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.SlaPolicyRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code postdesk sla list}: every mailbox's policies. */
@Command(name = "list", footer = {"", "Examples:", "  postdesk sla list", "  postdesk sla list --json"},
        mixinStandardHelpOptions = true, description = "List the SLA policies of every mailbox.")
final class SlaListCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    /** One policy as printed and as JSON; targets in whole business minutes. */
    record PolicyView(String mailbox, String priority, String category, Map<String, Long> targetMinutes, int warnAtPercent,
                      String escalatePriority) {
        static PolicyView of(String mailbox, ScopedPolicy p) {
            Map<String, Long> t = p.policy().targets().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .collect(Collectors.toMap(e -> e.getKey().key(), e -> e.getValue().toMinutes(), (a, b) -> a,
                            LinkedHashMap::new));
            return new PolicyView(mailbox, p.priority(), p.category(), t, p.policy().warnAtPercent(),
                    p.policy().escalatePriority().orElse(null));
        }
    }

    @Override
    public Integer call() {
        var dsl = PostdeskCommand.context(spec).database().dsl();
        List<PolicyView> views = new ArrayList<>();
        for (Mailbox m : new MailboxRepository(dsl).list()) {
            new SlaPolicyRepository(dsl).forMailbox(m.id()).forEach(p -> views.add(PolicyView.of(m.name(), p)));
        }
        print(spec.commandLine().getOut(), views, json);
        return ExitCodes.OK;
    }

    static void print(PrintWriter out, List<PolicyView> views, boolean json) {
        if (json) {
            out.println(Json.write(views));
            return;
        }
        if (views.isEmpty()) {
            out.println("no SLA policies (postdesk sla set MAILBOX --first-response 4h …)");
            return;
        }
        out.printf("%-12s %-24s %-16s %-16s %-16s %-6s %s%n", "MAILBOX", "FOR", "FIRST-RESPONSE", "NEXT-RESPONSE",
                "RESOLUTION", "WARN", "ON BREACH");
        for (PolicyView v : views) {
            out.printf("%-12s %-24s %-16s %-16s %-16s %-6s %s%n", v.mailbox(), scope(v.priority(), v.category()),
                    minutes(v, SlaTarget.FIRST_RESPONSE), minutes(v, SlaTarget.NEXT_RESPONSE),
                    minutes(v, SlaTarget.RESOLUTION), v.warnAtPercent() + "%",
                    v.escalatePriority() == null ? "-" : "priority " + v.escalatePriority().toLowerCase(Locale.ROOT));
        }
    }

    private static String minutes(PolicyView v, SlaTarget t) {
        Long m = v.targetMinutes().get(t.key());
        return m == null ? "-" : BusinessTimeText.duration(Duration.ofMinutes(m));
    }

    static String scope(ScopedPolicy p) {
        return scope(p.priority(), p.category());
    }

    static String scope(String priority, String category) {
        return CalendarChanges.scope(priority, category);
    }

    static String targets(SlaPolicy p) {
        return p.targets().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().key() + " " + BusinessTimeText.duration(e.getValue()))
                .collect(Collectors.joining(", ")) + ", warn at " + p.warnAtPercent() + "%";
    }
}
