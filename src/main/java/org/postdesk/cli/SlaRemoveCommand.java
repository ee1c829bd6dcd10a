package org.postdesk.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk sla remove MAILBOX [--priority P] [--category C]}: deletes one policy; due times are recomputed. */
@Command(name = "remove",
        footer = {"", "Examples:",
            "  postdesk sla remove support --priority urgent",
            "  postdesk sla remove support --category Billing",
            "  postdesk sla remove support                      # the mailbox's default policy"},
        mixinStandardHelpOptions = true,
        description = {"Remove the SLA policy of one scope: the mailbox's default without --priority and --category.",
            "Its tickets fall back to the next matching policy (or to none); their due times are recomputed.",
            "Warnings and escalations already sent stay in the audit."})
final class SlaRemoveCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MAILBOX")
    private String mailbox;

    @Option(names = "--priority", paramLabel = "low|normal|high|urgent", description = "The policy of this priority.")
    private String priority;

    @Option(names = "--category", paramLabel = "NAME", description = "The policy of this category.")
    private String category;

    @Override
    public Integer call() {
        String p = SlaSetCommand.checkPriority("--priority", priority);
        Instant now = Instant.now();
        SlaCli.changeAndRecompute(spec, now, (changes, tx) -> changes.removePolicy(tx, mailbox, p, category, now),
                m -> "mailbox " + m.name() + ": SLA policy for " + SlaListCommand.scope(p, category) + " removed");
        return ExitCodes.OK;
    }
}
