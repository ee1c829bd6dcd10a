package org.postdesk.bench;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The command line of {@link AgentReplyBenchmark}: always in-process GreenMail. */
record AgentReplyOptions(int samples, double rate, int agents, String dbUrl, long seed) {

    static final String USAGE = String.join("\n",
            "usage: scripts/bench-agent-reply [options]",
            "  --samples K     tickets opened by K customers, each answered once by agent 1, one reply at a time",
            "                  (default 200)",
            "  --rate R        agent replies per second (default 5)",
            "  --agents A      agents of the support mailbox, all notified of every ticket; only agent 1",
            "                  replies (default 2)",
            "  --db-url JDBC   store (default: a fresh H2 file under target/bench-agent-db)",
            "  --seed S        random seed for the generated mail (default 42)");

    static AgentReplyOptions parse(List<String> args) {
        Deque<String> in = new ArrayDeque<>(args);
        int samples = 200;
        double rate = 5;
        int agents = 2;
        String db = null;
        long seed = 42;
        while (!in.isEmpty()) {
            String opt = in.pop();
            switch (opt) {
                case "--samples": samples = Integer.parseInt(BenchOptions.value(in, opt, USAGE)); break;
                case "--rate": rate = Double.parseDouble(BenchOptions.value(in, opt, USAGE)); break;
                case "--agents": agents = Integer.parseInt(BenchOptions.value(in, opt, USAGE)); break;
                case "--db-url": db = BenchOptions.value(in, opt, USAGE); break;
                case "--seed": seed = Long.parseLong(BenchOptions.value(in, opt, USAGE)); break;
                case "-h":
                case "--help": throw new BenchOptions.UsageException(USAGE, 0);
                default: throw new BenchOptions.UsageException("unknown option " + opt + "\n" + USAGE, 2);
            }
        }
        if (samples < 1 || rate <= 0 || agents < 1) {
            throw new BenchOptions.UsageException("--samples and --agents must be at least 1, --rate above 0", 2);
        }
        return new AgentReplyOptions(samples, rate, agents, db != null ? db : "jdbc:h2:file:"
                + AgentReplyBenchmark.WORK_DIR.resolve("postdesk").toAbsolutePath(), seed);
    }
}
