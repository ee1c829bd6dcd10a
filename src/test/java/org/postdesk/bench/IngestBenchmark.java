package org.postdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.postdesk.config.ConfigLoader;
import org.postdesk.config.PostdeskConfig;
import org.postdesk.config.SecretBox;
import org.postdesk.daemon.Pipeline;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;

/**
 * The ingest benchmark behind {@code scripts/bench-ingest} (a program, not a test): throughput from IMAP
 * into stored tickets with acknowledgements queued, peak heap, and acknowledgement latency with IDLE,
 * all through the production wiring ({@link Pipeline}, {@link org.postdesk.daemon.Daemon}).
 */
public final class IngestBenchmark {
    static final Path WORK_DIR = Path.of("target", "bench-db");

    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(List.of(args));
        } catch (BenchOptions.UsageException e) {
            (e.exitCode == 0 ? System.out : System.err).println(e.getMessage());
            System.exit(e.exitCode);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("bad number: " + e.getMessage() + "\n" + BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            System.exit(run(options));
        } catch (Exception | Error e) {
            // GreenMail's and H2's threads would keep the JVM alive after main ends.
            e.printStackTrace();
            System.exit(1);
        }
    }

    static int run(BenchOptions options) throws Exception {
        freshWorkDir();
        Map<String, String> env = Map.of(SecretBox.KEY_ENV, randomKey(), "POSTDESK_DB_URL", options.dbUrl());
        PostdeskConfig config = ConfigLoader.load(null, env);
        SecretBox secrets = SecretBox.open(env, WORK_DIR.resolve("secret.key"));
        Report report = new Report(options);
        try (BenchServer server = server(options);
             Database db = Database.open(config.db().toSettings());
             HeapMonitor heap = new HeapMonitor()) {
            report.setup(server.describe(), config.db().url());
            report.flush(System.out);
            Mailbox mailbox = new MailboxRepository(db.dsl()).add(server.mailbox(secrets));
            AckTimes acks = new AckTimes(db, secrets);
            Pipeline pipeline = new Pipeline(config, db, secrets, null, Clock.systemUTC(), acks);
            // The first connection puts the cursor at the end of the (empty) folder, as in production.
            pipeline.ingestAllNow(mailbox);
            MailFactory mail = new MailFactory(options.seed(), server.supportAddress(),
                    Long.toString(System.currentTimeMillis(), 36));
            BenchContext c = new BenchContext(options, server, db, pipeline, mailbox, acks, mail, heap);
            report.throughput(ThroughputPhase.run(c));
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

    /** The default H2 store and the key file start empty on every run. */
    private static void freshWorkDir() {
        try {
            if (Files.exists(WORK_DIR)) {
                try (Stream<Path> files = Files.walk(WORK_DIR)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(WORK_DIR);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + WORK_DIR, e);
        }
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
