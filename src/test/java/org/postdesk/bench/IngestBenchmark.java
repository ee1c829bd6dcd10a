package org.postdesk.bench;

import java.nio.file.Path;
import org.postdesk.daemon.Pipeline;

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
             BenchStack stack = BenchStack.open(WORK_DIR, options.dbUrl(), server);
             HeapMonitor heap = new HeapMonitor()) {
            report.setup(server.describe(), stack.config().db().url());
            report.flush(System.out);
            MailFactory mail = new MailFactory(options.seed(), server.supportAddress(),
                    Long.toString(System.currentTimeMillis(), 36));
            BenchContext c = new BenchContext(options, server, stack, mail, heap);
            if (options.warmup() > 0) {
                Progress.say("warm-up, not counted:");
                report.warmup(ThroughputPhase.run(c, options.warmup()));
                report.flush(System.out);
            }
            report.throughput(ThroughputPhase.run(c, options.messages()));
            report.flush(System.out);
            if (options.embedded() && options.sendAcks()) {
                report.drain(DrainPhase.run(c));
            } else {
                report.cancelled(DrainPhase.cancel(c));
            }
            report.flush(System.out);
            if (options.latencySamples() > 0) {
                report.latency(LatencyPhase.run(c));
            }
        }
        report.flush(System.out);
        return 0;
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
