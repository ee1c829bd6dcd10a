package org.postdesk.bench;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The command line of {@link IngestBenchmark}. Without {@code --imap}/{@code --smtp} the benchmark starts
 * GreenMail in-process; with them it reads and writes a real server's mailbox (which should be empty).
 */
record BenchOptions(int messages, int warmup, int latencySamples, double latencyRate, String imapUrl, String smtpUrl,
                    String user, String passwordEnv, String address, String customer, boolean trustAll,
                    boolean sendAcks, String dbUrl, long seed, boolean postgres, int agents, int prefill,
                    boolean emptyInbox, boolean sqlProfile, Path maildir, String dbUser, String takeOver, String sink,
                    boolean slaSweeper) {

    static final String USAGE = String.join("\n",
            "usage: scripts/bench-ingest [options]",
            "  --messages N          messages for the throughput phase (default 10000; 70% new, 30% follow-ups)",
            "  --warmup W            messages stored before the timed phase and not counted (default 3000; 0 skips it):"
                    + "\n                        the JIT compiles the hot paths meanwhile, as in a daemon that runs for days",
            "  --latency-samples K   messages sent one by one for the latency phase (default 200; 0 skips it)",
            "  --latency-rate R      messages per second in the latency phase (default 10)",
            "  --imap URL --smtp URL a real server's support mailbox instead of in-process GreenMail",
            "                        (imap://user@host:port/INBOX, imaps://..., smtp+starttls://user@host:port)",
            "  --user U              login, when the URLs have none",
            "  --password-env VAR    environment variable holding the mailbox password",
            "  --address ADDR        the support address (default: the login when it is an address)",
            "  --customer ADDR       real server only: latency-phase sender; acks go to ADDR's +tag variants",
            "  --trust-all           real server only: accept any TLS certificate",
            "  --send-acks           also time the outbox sending the queued acks and agent notices, with statements and",
            "                        commits per mail (default: they are marked failed unsent, so the latency phase starts",
            "                        clean); on a real server with --sink",
            "  --sink ADDR           real server only, with --send-acks: each queued mail's envelope recipient becomes ADDR",
            "                        (the generated customers do not exist there); the headers are left as they are",
            "  --db-url JDBC         store (default: a fresh H2 file under target/bench-db)",
            "  --db-user U           its user (default sa; PostgreSQL: e.g. postgres); password from POSTDESK_DB_PASSWORD",
            "  --mailbox NAME        drain into mailbox NAME of an existing --db-url store (e.g. seed of scripts/seed-store)"
                    + "\n                        instead of a new 'support' (taken over the same way when an earlier run left it):"
                    + "\n                        its address and URLs become the server's, its agents the benchmark's, the store's"
                    + "\n                        other mailboxes are disabled. It changes the store: run it on a copy of a seeded one",
            "  --postgres            store in a fresh database of an embedded PostgreSQL (as the tests use)",
            "  --agents A            agents on the support mailbox, each notified of every new ticket (default 2)",
            "  --prefill N           first seed the store with N tickets of history (bulk SQL; e.g. 1000000)",
            "  --sql-profile         also print the statements run most often in the timed phase",
            "  --sla-sweeper         run the daemon's SLA sweeper on its own thread during the throughput phases, as"
                    + "\n                        'postdesk run' does; each phase's CPU then also counts its catch-up after the worker",
            "  --fill-maildir DIR    real server only: fill the INBOX by writing into its Maildir DIR (tmp/ then new/,"
                    + "\n                        owned as DIR is), much faster than IMAP APPEND; the server must read DIR",
            "  --empty-inbox         real server only: expunge every message of the support INBOX first",
            "  --seed S              random seed for the generated mail (default 42)");

    boolean embedded() {
        return imapUrl == null;
    }

    static BenchOptions parse(List<String> args) {
        Deque<String> in = new ArrayDeque<>(args);
        int messages = 10_000;
        int warmup = 3_000;
        int samples = 200;
        double rate = 10;
        String imap = null;
        String smtp = null;
        String user = null;
        String passwordEnv = null;
        String address = null;
        String customer = null;
        String sink = null;
        boolean trustAll = false;
        boolean sendAcks = false;
        String db = null;
        long seed = 42;
        boolean postgres = false;
        int agents = 2;
        int prefill = 0;
        boolean emptyInbox = false;
        boolean sqlProfile = false;
        Path maildir = null;
        String dbUser = "sa";
        String takeOver = null;
        boolean slaSweeper = false;
        while (!in.isEmpty()) {
            String opt = in.pop();
            switch (opt) {
                case "--messages": messages = Integer.parseInt(value(in, opt)); break;
                case "--warmup": warmup = Integer.parseInt(value(in, opt)); break;
                case "--latency-samples": samples = Integer.parseInt(value(in, opt)); break;
                case "--latency-rate": rate = Double.parseDouble(value(in, opt)); break;
                case "--imap": imap = value(in, opt); break;
                case "--smtp": smtp = value(in, opt); break;
                case "--user": user = value(in, opt); break;
                case "--password-env": passwordEnv = value(in, opt); break;
                case "--address": address = value(in, opt); break;
                case "--customer": customer = value(in, opt); break;
                case "--trust-all": trustAll = true; break;
                case "--send-acks": sendAcks = true; break;
                case "--db-url": db = value(in, opt); break;
                case "--seed": seed = Long.parseLong(value(in, opt)); break;
                case "--postgres": postgres = true; break;
                case "--agents": agents = Integer.parseInt(value(in, opt)); break;
                case "--prefill": prefill = Integer.parseInt(value(in, opt).replace("_", "")); break;
                case "--empty-inbox": emptyInbox = true; break;
                case "--sql-profile": sqlProfile = true; break;
                case "--fill-maildir": maildir = Path.of(value(in, opt)); break;
                case "--db-user": dbUser = value(in, opt); break;
                case "--mailbox": takeOver = value(in, opt); break;
                case "--sink": sink = value(in, opt); break;
                case "--sla-sweeper": slaSweeper = true; break;
                case "-h":
                case "--help": throw new UsageException(USAGE, 0);
                default: throw new UsageException("unknown option " + opt + "\n" + USAGE, 2);
            }
        }
        BenchOptions o = new BenchOptions(messages, warmup, samples, rate, imap, smtp, user, passwordEnv, address, customer,
                trustAll, sendAcks, db != null ? db : defaultDb(), seed, postgres, agents, prefill, emptyInbox, sqlProfile, maildir,
                dbUser, takeOver, sink, slaSweeper);
        o.validate();
        return o;
    }

    private static String defaultDb() {
        return "jdbc:h2:file:" + Path.of("target", "bench-db", "postdesk").toAbsolutePath();
    }

    private void validate() {
        if (messages < 1 || warmup < 0 || latencySamples < 0 || latencyRate <= 0) {
            throw new UsageException("--messages must be at least 1, --warmup and --latency-samples at least 0,"
                    + " --latency-rate above 0", 2);
        }
        if (agents < 0 || prefill < 0) {
            throw new UsageException("--agents and --prefill must be at least 0", 2);
        }
        if (postgres && !defaultDb().equals(dbUrl)) {
            throw new UsageException("give --postgres or --db-url, not both", 2);
        }
        if ((imapUrl == null) != (smtpUrl == null)) {
            throw new UsageException("give both --imap and --smtp, or neither (in-process GreenMail)", 2);
        }
        if (!embedded() && sendAcks && sink == null) {
            throw new UsageException("a real server's --send-acks needs --sink ADDR (a mailbox that may receive every"
                    + " queued mail)", 2);
        }
        if (!embedded() && passwordEnv == null) {
            throw new UsageException("a real server needs --password-env VAR", 2);
        }
        if (!embedded() && latencySamples > 0 && customer == null) {
            throw new UsageException("a real server's latency phase needs --customer ADDR (a mailbox that may"
                    + " receive the acknowledgements), or --latency-samples 0", 2);
        }
    }

    private static String value(Deque<String> in, String opt) {
        return value(in, opt, USAGE);
    }

    /** The value after option {@code opt}; {@code usage} is printed when there is none. */
    static String value(Deque<String> in, String opt, String usage) {
        if (in.isEmpty()) {
            throw new UsageException(opt + " needs a value\n" + usage, 2);
        }
        return in.pop();
    }

    /** A bad command line: the message to print and the exit code. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int exitCode;

        UsageException(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }
    }
}
