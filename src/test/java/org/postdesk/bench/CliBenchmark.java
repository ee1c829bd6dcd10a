package org.postdesk.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.postdesk.store.Database;
import org.postdesk.store.DbSettings;
import org.postdesk.store.db.Tables;

/**
 * {@code scripts/bench-cli} (issue 16): how long {@code ticket list} and {@code ticket show} take on a big store,
 * end to end through {@code scripts/postdesk} (a new JVM each run, as an admin types them) and statement by
 * statement, with the plan of every SELECT they run. The statements are taken from H2's trace while the
 * commands run against the H2 store (through its auto-server, as when the daemon holds the file), then timed and
 * explained on H2 and on each {@code --also} store; {@code --trace FILE} adds the statements of another H2 trace
 * (e.g. of {@code scripts/bench-ingest --db 'jdbc:h2:file:…;TRACE_LEVEL_FILE=3'}, the ingest path). Seed the
 * stores first with {@code scripts/seed-store}. A program that prints figures, not a test.
 */
public final class CliBenchmark {
    private static final String USAGE = String.join("\n",
            "usage: scripts/bench-cli --db-url jdbc:h2:file:PATH [--also URL [--also-user U]] [--runs N] [--trace FILE]... [--plans-only]",
            "  --db-url URL    the seeded H2 file store (scripts/seed-store); its statements are traced",
            "  --also URL      a second seeded store (PostgreSQL) timed end to end and explained too",
            "  --also-user U   its user (default postdesk); password from POSTDESK_DB_PASSWORD",
            "  --runs N        end-to-end runs per command (default 3)",
            "  --trace FILE    also explain the SELECTs, UPDATEs and DELETEs of this H2 trace file (repeatable; SELECTs"
                    + "\n                  are timed too), e.g. the ingest path's",
            "  --plans-only    run no command: only explain (and time) the statements of the --trace files");

    private CliBenchmark() {
    }

    record Store(String label, DbSettings settings) {
    }

    public static void main(String[] args) throws Exception {
        String url = null;
        String also = null;
        String alsoUser = "postdesk";
        int runs = 3;
        List<Path> traces = new ArrayList<>();
        boolean plansOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--db-url": url = args[++i]; break;
                case "--also": also = args[++i]; break;
                case "--also-user": alsoUser = args[++i]; break;
                case "--runs": runs = Integer.parseInt(args[++i]); break;
                case "--trace": traces.add(Path.of(args[++i])); break;
                case "--plans-only": plansOnly = true; break;
                default: System.err.println(USAGE); System.exit(2);
            }
        }
        if (url == null || !url.startsWith("jdbc:h2:file:")) {
            System.err.println(USAGE);
            System.exit(2);
        }
        String password = System.getenv().getOrDefault("POSTDESK_DB_PASSWORD", "");
        List<Store> stores = new ArrayList<>(List.of(new Store("H2", new DbSettings(url, "sa", "", 2))));
        if (also != null) {
            stores.add(new Store("PostgreSQL", new DbSettings(also, alsoUser, password, 2)));
        }
        List<TracedStatements.Traced> statements = List.of();
        if (!plansOnly) {
            for (Store s : stores) {
                endToEnd(s, runs);
            }
            statements = traceCommands(stores.get(0));
        }
        for (Path t : traces) {
            statements = concat(statements, TracedStatements.lookups(t));
        }
        new PlanCheck(stores).report(statements);
    }

    private static List<TracedStatements.Traced> concat(List<TracedStatements.Traced> a,
                                                        List<TracedStatements.Traced> b) {
        List<TracedStatements.Traced> all = new ArrayList<>(a);
        b.stream().filter(t -> a.stream().noneMatch(x -> x.shape().equals(t.shape()))).forEach(all::add);
        return all;
    }

    /** The commands timed: list, list by status, and show of the newest and of the oldest ticket. */
    private static List<List<String>> commands(DbSettings settings) {
        long newest;
        long oldest;
        try (Database db = Database.open(settings)) {
            newest = db.dsl().select(org.jooq.impl.DSL.max(Tables.TICKET.NUMBER)).from(Tables.TICKET).fetchOne().value1();
            oldest = db.dsl().select(org.jooq.impl.DSL.min(Tables.TICKET.NUMBER)).from(Tables.TICKET).fetchOne().value1();
            System.out.printf(Locale.ROOT, "%s: %,d tickets, %,d messages%n", settings.url(),
                    db.dsl().fetchCount(Tables.TICKET), db.dsl().fetchCount(Tables.MESSAGE));
        }
        // The list filters a team uses (ticket list has no --mailbox, --owner or text search).
        return List.of(List.of("ticket", "list"), List.of("ticket", "list", "--status", "pending"),
                List.of("ticket", "list", "--status", "new"), List.of("ticket", "list", "--status", "closed"),
                List.of("ticket", "list", "--breaching"), List.of("ticket", "list", "--due-within", "4h"),
                List.of("ticket", "show", Long.toString(newest)), List.of("ticket", "show", Long.toString(oldest)));
    }

    private static void endToEnd(Store store, int runs) throws Exception {
        List<List<String>> commands = commands(store.settings());
        System.out.printf(Locale.ROOT, "%n%s, end to end through scripts/postdesk (wall ms, %d runs each, CDS archive"
                + " written by a first run not counted):%n", store.label(), runs);
        run(store.settings(), commands.get(0));
        awaitArchiveWriter();
        for (List<String> command : commands) {
            long[] ms = new long[runs];
            for (int r = 0; r < runs; r++) {
                ms[r] = run(store.settings(), command);
            }
            Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "  %-36s min %5d  median %5d  max %5d%n", String.join(" ", command),
                    ms[0], ms[runs / 2], ms[runs - 1]);
        }
    }

    /**
     * After a command that started without a class-data archive, the launcher writes one in the background as soon
     * as it exits: the commands timed right after it ran beside that writer and without the archive (the first,
     * `ticket list`, took 1.5 s instead of 0.7 s). Waits, up to two minutes, until no class list of a command is
     * left in the archive directory and no writer holds it (the writer removes the list when it is done).
     */
    private static void awaitArchiveWriter() throws IOException, InterruptedException {
        String cache = System.getenv().getOrDefault("XDG_CACHE_HOME", System.getProperty("user.home") + "/.cache");
        Path dir = Path.of(System.getenv().getOrDefault("POSTDESK_CDS_DIR", cache + "/postdesk"));
        for (int i = 0; i < 240 && Files.isDirectory(dir); i++) {
            try (var files = Files.list(dir)) {
                if (files.map(f -> f.getFileName().toString())
                        .noneMatch(n -> n.startsWith("postdesk-cli-") && (n.contains(".classlist") || n.endsWith(".writing")))) {
                    return;
                }
            }
            Thread.sleep(500);
        }
    }

    /** Runs {@code scripts/postdesk COMMAND} on the store; its wall time in ms; throws when it fails. */
    static long run(DbSettings settings, List<String> command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("scripts/postdesk"));
        argv.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(argv);
        Map<String, String> env = pb.environment();
        env.put("POSTDESK_DB_URL", settings.url());
        env.put("POSTDESK_DB_USER", settings.user());
        env.put("POSTDESK_DB_PASSWORD", settings.password() == null ? "" : settings.password());
        env.putIfAbsent("POSTDESK_DATA_DIR", System.getProperty("java.io.tmpdir"));
        File out = File.createTempFile("bench-cli", ".out");
        pb.redirectErrorStream(true).redirectOutput(out);
        long t0 = System.nanoTime();
        int rc = pb.start().waitFor();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String text = Files.readString(out.toPath());
        Files.delete(out.toPath());
        if (rc != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + rc + ":\n" + text);
        }
        return ms;
    }

    /** Runs each command once while this JVM holds the H2 file and traces what the commands' JVMs ask of it. */
    private static List<TracedStatements.Traced> traceCommands(Store h2) throws Exception {
        List<List<String>> commands = commands(h2.settings());
        Path trace = Path.of(h2.settings().url().substring("jdbc:h2:file:".length()).replaceFirst(";.*", "")
                + ".trace.db");
        try (Database db = Database.open(h2.settings())) {
            Files.deleteIfExists(trace);
            db.dsl().execute("SET TRACE_LEVEL_FILE 3");
            for (List<String> command : commands) {
                run(h2.settings(), command);
            }
            db.dsl().execute("SET TRACE_LEVEL_FILE 0");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return TracedStatements.selects(trace);
    }
}
