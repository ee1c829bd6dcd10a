package org.postdesk.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.postdesk.sla.ScopedPolicy;
import org.postdesk.sla.SlaPolicy;
import org.postdesk.sla.SlaTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk sla set MAILBOX …}: stores (or replaces) the policy of one scope; due times are recomputed. */
@Command(name = "set",
        footer = {"", "Examples:",
            "  postdesk sla set support --first-response 4h --next-response 8h --resolution 40h",
            "  postdesk sla set support --priority urgent --first-response 30m --resolution 8h --warn-at 50",
            "  postdesk sla set support --category Billing --first-response 2h --escalate-priority high"},
        mixinStandardHelpOptions = true,
        description = {"Set the SLA policy of a mailbox (its default), or of one priority and/or category.",
            "Targets are business time (4h, 30m, 1h30m); a target left out is not promised.",
            "The due times of the mailbox's open tickets are recomputed."})
final class SlaSetCommand implements Callable<Integer> {
    private static final Set<String> PRIORITIES = Set.of("low", "normal", "high", "urgent");

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MAILBOX")
    private String mailbox;

    @Option(names = "--priority", paramLabel = "low|normal|high|urgent", description = "Only tickets of this priority.")
    private String priority;

    @Option(names = "--category", paramLabel = "NAME", description = "Only tickets of this category.")
    private String category;

    @Option(names = "--first-response", paramLabel = "TIME", description = "Until the first agent answer.")
    private String firstResponse;

    @Option(names = "--next-response", paramLabel = "TIME", description = "Until the answer to each customer follow-up.")
    private String nextResponse;

    @Option(names = "--resolution", paramLabel = "TIME", description = "Until the ticket is closed.")
    private String resolution;

    @Option(names = "--warn-at", paramLabel = "PERCENT", defaultValue = "80",
            description = "Warn the owner when this share of a target is used (1-99, default 80).")
    private int warnAt;

    @Option(names = "--escalate-priority", paramLabel = "P", description = "Raise a breached ticket to this priority.")
    private String escalatePriority;

    @Override
    public Integer call() {
        ScopedPolicy policy = new ScopedPolicy(checkPriority("--priority", priority), category,
                SlaCli.refusing(() -> new SlaPolicy(targets(), warnAt,
                        Optional.ofNullable(checkPriority("--escalate-priority", escalatePriority)))));
        Instant now = Instant.now();
        SlaCli.changeAndRecompute(spec, now, (changes, tx) -> changes.putPolicy(tx, mailbox, policy, now),
                m -> "mailbox " + m.name() + ": SLA policy for " + SlaListCommand.scope(policy) + " set ("
                        + SlaListCommand.targets(policy.policy()) + ")");
        return ExitCodes.OK;
    }

    private Map<SlaTarget, Duration> targets() {
        Map<SlaTarget, Duration> t = new EnumMap<>(SlaTarget.class);
        if (firstResponse != null) {
            t.put(SlaTarget.FIRST_RESPONSE, SlaCli.businessTime("--first-response", firstResponse));
        }
        if (nextResponse != null) {
            t.put(SlaTarget.NEXT_RESPONSE, SlaCli.businessTime("--next-response", nextResponse));
        }
        if (resolution != null) {
            t.put(SlaTarget.RESOLUTION, SlaCli.businessTime("--resolution", resolution));
        }
        if (t.isEmpty()) {
            throw new UsageException("give at least one target: --first-response, --next-response or --resolution");
        }
        return t;
    }

    static String checkPriority(String option, String p) {
        if (p == null) {
            return null;
        }
        if (!PRIORITIES.contains(p.toLowerCase(Locale.ROOT))) {
            throw new UsageException(option + " " + p + " is not a priority: use low, normal, high or urgent");
        }
        return p.toUpperCase(Locale.ROOT);
    }
}
