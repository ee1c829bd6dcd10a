package org.postdesk.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.postdesk.app.IngestResult;
import org.postdesk.config.ConfigLoader;
import org.postdesk.config.SecretBox;
import org.postdesk.daemon.Pipeline;
import org.postdesk.ingest.WorkerSettings;
import org.postdesk.mail.RawSource;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.TestDatabases;
import org.slf4j.LoggerFactory;

/**
 * The robustness sweep of issue 15: every mail file under the given directories through the whole intake (parse,
 * screen, store, ticket, acknowledgement queued) into a fresh H2 or embedded PostgreSQL store, one mail after the
 * other in one JVM, as the mailbox worker hands them in. For each mail it records the outcome, the ticket, whether
 * an acknowledgement was queued, every ERROR logged while it was stored (a mail stored "in reduced form" logs one:
 * the store refused it as parsed), any exception, and the CPU time of this thread. Prints one line per mail that
 * went wrong, the counts and the slowest mails. A program, not a test: the corpora are third-party and stay out of
 * this repository.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:COMMONS_LANG3_3_18_JAR:$(cat target/cp.txt) org.postdesk.bench.IntakeSweep
 * h2|postgres DIR...}; the embedded PostgreSQL's commons-compress needs commons-lang3 3.18 or later ahead of the 3.14
 * that ical4j brings on the built class path ({@code ~/.m2/repository/org/apache/commons/commons-lang3/3.18.0/...}).
 */
public final class IntakeSweep {

    private IntakeSweep() {
    }

    record Row(String file, String outcome, boolean acknowledged, long cpuMicros, long wallMicros, List<String> errors) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: IntakeSweep h2|postgres DIR...");
            System.exit(2);
        }
        List<Path> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            try (Stream<Path> s = Files.walk(Path.of(args[i]))) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        Errors errors = new Errors();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        errors.start();
        root.addAppender(errors);
        Path dir = Files.createTempDirectory("intake-sweep");
        TestDatabases.Kind kind = args[0].equals("postgres") ? TestDatabases.Kind.POSTGRES : TestDatabases.Kind.H2;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        List<Row> rows = new ArrayList<>();
        try (Database db = TestDatabases.open(kind)) {
            Pipeline pipeline = new Pipeline(ConfigLoader.load(null, Map.of()), db, SecretBox.open(Map.of(
                    SecretBox.KEY_ENV, Base64.getEncoder().encodeToString(new byte[32])), dir.resolve("k")), null,
                    Clock.systemUTC());
            Mailbox mailbox = new MailboxRepository(db.dsl()).add(new NewMailbox("support", "support@sweep.test",
                    "imap://support@127.0.0.1/INBOX", "smtp://127.0.0.1", null, null, null, false, null, "Support", "en"));
            long uid = 0;
            for (Path file : files) {
                errors.events.clear();
                int queuedBefore = db.dsl().fetchCount(db.dsl().selectFrom("outbox"));
                long cpu0 = cpu.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                String outcome;
                try (InputStream in = Files.newInputStream(file);
                     RawSource raw = RawSource.spool(in, WorkerSettings.DEFAULT_MAX_MESSAGE_BYTES)) {
                    IngestResult result = pipeline.ingest().ingest(mailbox, ++uid, raw, null);
                    outcome = result.outcome() + (result.number() == null ? "" : " " + result.number());
                } catch (RuntimeException | Error e) {
                    outcome = "THREW " + e;
                }
                long cpuMicros = (cpu.getCurrentThreadCpuTime() - cpu0) / 1000;
                long wallMicros = (System.nanoTime() - wall0) / 1000;
                boolean acked = db.dsl().fetchCount(db.dsl().selectFrom("outbox")) > queuedBefore;
                rows.add(new Row(file.toString(), outcome, acked, cpuMicros,
                        wallMicros, List.copyOf(errors.events)));
            }
        }
        report(rows);
    }

    private static void report(List<Row> rows) {
        long tickets = rows.stream().filter(r -> r.outcome().startsWith("NEW_TICKET") || r.outcome().startsWith("APPENDED")).count();
        long threw = rows.stream().filter(r -> r.outcome().startsWith("THREW")).count();
        long withErrors = rows.stream().filter(r -> !r.errors().isEmpty()).count();
        for (Row r : rows) {
            if (r.outcome().startsWith("THREW") || !r.errors().isEmpty()) {
                System.out.println("PROBLEM " + r.file() + ": " + r.outcome() + " " + r.errors());
            }
        }
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "MAIL %s | %s | ack=%s | cpu %.1f ms%n", r.file(), r.outcome(),
                    r.acknowledged(), r.cpuMicros() / 1000.0);
        }
        System.out.printf(Locale.ROOT, "mails %d, ticketed %d (new or appended), duplicates %d, acknowledged %d,"
                        + " threw %d, with an ERROR logged %d%n", rows.size(), tickets,
                rows.stream().filter(r -> r.outcome().startsWith("DUPLICATE")).count(),
                rows.stream().filter(Row::acknowledged).count(), threw, withErrors);
        System.out.println("slowest (CPU of the ingesting thread; wall beside it):");
        rows.stream().sorted(Comparator.comparingLong(Row::cpuMicros).reversed()).limit(5).forEach(r ->
                System.out.printf(Locale.ROOT, "  %8.1f ms CPU  %8.1f ms wall  %s%n", r.cpuMicros() / 1000.0,
                        r.wallMicros() / 1000.0, r.file()));
        long total = rows.stream().mapToLong(Row::cpuMicros).sum();
        System.out.printf(Locale.ROOT, "CPU per mail: mean %.1f ms%n", total / 1000.0 / Math.max(1, rows.size()));
    }

    /** The ERROR events logged while one mail is stored. */
    private static final class Errors extends AppenderBase<ILoggingEvent> {
        private final List<String> events = new ArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.ERROR)) {
                events.add(event.getFormattedMessage().lines().findFirst().orElse(""));
            }
        }
    }
}
