package org.postdesk.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The figures of one agent-reply run, printed as a table with the target of issue 3 ("Speed"). */
final class AgentReplyReport {
    private final AgentReplyOptions options;
    private final Table out = new Table();

    AgentReplyReport(AgentReplyOptions options) {
        this.options = options;
    }

    void setup(String server, String dbUrl) {
        out.setup("Postdesk agent-reply benchmark", server, dbUrl);
    }

    void result(AgentReplyPhase.Result r) {
        AgentReplyPhase.Setup s = r.setup();
        out.line("");
        out.line(String.format("Setup, not timed: %d customers open a ticket each by SMTP; %d agents notified of each",
                s.tickets(), options.agents()));
        out.row("delivered", String.format("%d notifications, %d acknowledgements in %.1f s", s.notifications(),
                s.acknowledgements(), s.seconds()));
        out.line("");
        out.line(String.format("Latency: agent's reply accepted by SMTP -> customer's copy accepted by SMTP"
                + " (Daemon, %.1f replies/s)", options.rate()));
        out.row("worker state", String.join(", ", r.workerStates()) + (r.workerStates().contains("IDLE") ? ""
                : "  (NOT IDLE)"));
        out.row("samples", String.format("%d replies sent by agent 1, %d relayed to the customer", r.sent(),
                r.millis().count()));
        out.latency(r.millis(), r.millis().count() == r.sent());
        AgentReplyPhase.Load load = r.load();
        out.row("load average", String.format("%.1f before the setup, %.1f before the replies, %.1f after, on %d"
                + " cores%s", load.beforeSetup(), load.beforeReplies(), load.after(),
                Runtime.getRuntime().availableProcessors(), Machine.busyNote(load.max())));
        out.row("CPU", String.format("this process used %.2f cores while the replies ran (Postdesk, GreenMail,"
                + " the benchmark)", load.processCores()));
        out.row("peak heap used", Table.mb(r.peakSampledBytes()) + " sampled, " + Table.mb(r.peakAfterGcBytes())
                + " after GC");
        check(r.check());
    }

    private void check(AgentReplyCheck.Outcome c) {
        int k = c.customers();
        out.line("");
        out.line("Correctness");
        out.verdict("customers' mail", c.exactlyTwo() + " of " + k + " got exactly 2", "acknowledgement + answer",
                c.exactlyTwo() == k);
        out.verdict("answers", c.cleanAnswers() + " of " + k + " clean", "agent's text, no quoted notification",
                c.cleanAnswers() == k);
        out.verdict("held replies", Integer.toString(c.held()), "none", c.held() == 0);
        out.verdict("owner", c.ownedByFirst() + " of " + k + " tickets", "owned by agent 1", c.ownedByFirst() == k);
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < c.agentMail().size(); i++) {
            agents.add("agent " + (i + 1) + ": " + c.agentMail().get(i));
        }
        out.verdict("agents' mail", String.join(", ", agents), k + " each, the notifications only",
                c.agentMail().stream().allMatch(n -> n == k));
        out.verdict("outbox", c.failedOutbox() + " failed", "none", c.failedOutbox() == 0);
    }

    void flush(PrintStream stream) {
        out.flush(stream);
    }
}
