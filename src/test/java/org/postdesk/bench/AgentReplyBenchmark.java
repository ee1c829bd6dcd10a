package org.postdesk.bench;

import java.nio.file.Path;

/**
 * The agent-reply benchmark behind {@code scripts/bench-agent-reply} (a program, not a test): latency
 * from an agent's reply being accepted by the support mailbox's SMTP server to the customer's copy being
 * accepted by SMTP, with the worker in IMAP IDLE, through the production {@link org.postdesk.daemon.Daemon}
 * on in-process GreenMail. Exits 1 when a correctness check failed.
 */
public final class AgentReplyBenchmark {
    static final Path WORK_DIR = Path.of("target", "bench-agent-db");

    private AgentReplyBenchmark() {
    }

    public static void main(String[] args) {
        BenchLauncher.launch(args, AgentReplyOptions::parse, AgentReplyOptions.USAGE, AgentReplyBenchmark::run);
    }

    static int run(AgentReplyOptions options) throws Exception {
        AgentReplyReport report = new AgentReplyReport(options);
        AgentReplyPhase.Result result;
        try (EmbeddedServer server = new EmbeddedServer();
             BenchStack stack = BenchStack.open(WORK_DIR, options.dbUrl(), server);
             HeapMonitor heap = new HeapMonitor()) {
            report.setup(server.describe(), stack.config().db().url());
            report.flush(System.out);
            result = new AgentReplyPhase(options, server, stack, heap).run();
            report.result(result);
        }
        report.flush(System.out);
        return result.check().ok() ? 0 : 1;
    }
}
