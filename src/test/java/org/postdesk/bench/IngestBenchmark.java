package org.postdesk.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.postdesk.daemon.Pipeline;
import org.postdesk.store.DbSettings;
import org.postdesk.store.TestDatabases;

/**
 * The ingest benchmark behind {@code scripts/bench-ingest} (a program, not a test): throughput from IMAP
 * into stored tickets with acknowledgements queued, peak heap, and acknowledgement latency with IDLE,
 * all through the production wiring ({@link Pipeline}, {@link org.postdesk.daemon.Daemon}).
 */
public final class IngestBenchmark {
    static final Path WORK_DIR = Path.of("target", "bench-db");

    private IngestBenchmark() {
    }

    public static void main(String[] args) {
        BenchLauncher.launch(args, BenchOptions::parse, BenchOptions.USAGE, IngestBenchmark::run);
    }

    static int run(BenchOptions options) throws Exception {
        Report report = new Report(options);
        try (BenchServer server = server(options);
             BenchStack stack = BenchStack.open(WORK_DIR, store(options), server, agents(options, server),
                     options.sqlProfile(), options.takeOver());
             HeapMonitor heap = new HeapMonitor()) {
            report.setup(server.describe(), stack.config().db().url());
            report.flush(System.out);
            if (options.emptyInbox() && server instanceof RemoteServer remote) {
                Progress.say("emptied the support INBOX: %d messages expunged", remote.empty());
            }
            if (options.prefill() > 0) {
                report.prefill(prefill(stack, options.prefill()));
                report.flush(System.out);
            }
            MailFactory mail = new MailFactory(options.seed(), server.supportAddress(),
                    Long.toString(System.currentTimeMillis(), 36));
            BenchContext c = new BenchContext(options, server, stack, mail, heap);
            ThroughputPhase.Result timed;
            try (SweeperThread sweeper = SweeperThread.startIf(options.slaSweeper(), stack)) {
                if (options.warmup() > 0) {
                    Progress.say("warm-up, not counted:");
                    report.warmup(ThroughputPhase.run(c, options.warmup(), sweeper));
                    report.flush(System.out);
                }
                timed = ThroughputPhase.run(c, options.messages(), sweeper);
            }
            report.throughput(timed);
            if (options.sqlProfile()) {
                report.sqlProfile(stack.statements().top(25), timed.stored() + options.warmup());
            }
            report.flush(System.out);
            if (options.sendAcks()) {
                report.drain(DrainPhase.run(c));
            } else {
                report.cancelled(DrainPhase.cancel(c));
            }
            report.flush(System.out);
            if (options.latencySamples() > 0) {
                report.latency(LatencyPhase.run(c));
            }
        }
        storeFile(options).ifPresent(f -> report.storeFile(f, f.toFile().length()));
        report.flush(System.out);
        return 0;
    }

    /** The embedded H2 file of a {@code jdbc:h2:file:} store, when it is one. */
    private static java.util.Optional<java.nio.file.Path> storeFile(BenchOptions options) {
        String url = options.dbUrl();
        if (options.postgres() || !url.startsWith("jdbc:h2:file:")) {
            return java.util.Optional.empty();
        }
        String path = url.substring("jdbc:h2:file:".length()).split(";", 2)[0] + ".mv.db";
        return java.util.Optional.of(java.nio.file.Path.of(path)).filter(java.nio.file.Files::exists);
    }

    private static DbSettings store(BenchOptions options) {
        return options.postgres() ? TestDatabases.postgresSettings() : new DbSettings(options.dbUrl(), options.dbUser(),
                System.getenv().getOrDefault("POSTDESK_DB_PASSWORD", ""), 10);
    }

    /** The agents' addresses: on a real server, plus-variants of the customer (a mailbox that may receive). */
    private static List<String> agents(BenchOptions options, BenchServer server) {
        List<String> agents = new ArrayList<>();
        for (int i = 1; i <= options.agents(); i++) {
            String base = options.customer() != null ? options.customer() : server.supportAddress();
            int at = base.lastIndexOf('@');
            agents.add(options.embedded() ? "agent" + i + "@postdesk.bench"
                    : base.substring(0, at) + "+agent" + i + base.substring(at));
        }
        return agents;
    }

    private static double prefill(BenchStack stack, int n) {
        Progress.say("prefill: seeding %,d tickets...", n);
        long t0 = System.nanoTime();
        List<Long> agents = stack.db().dsl().fetch("select id from agent order by id").getValues(0, Long.class);
        StoreSeed.tickets(stack.db(), n, stack.mailbox().id(), agents);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static BenchServer server(BenchOptions options) {
        if (options.embedded()) {
            return new EmbeddedServer();
        }
        String password = System.getenv(options.passwordEnv());
        if (password == null) {
            throw new BenchOptions.UsageException("environment variable " + options.passwordEnv() + " is not set", 2);
        }
        return new RemoteServer(options, password);
    }
}
