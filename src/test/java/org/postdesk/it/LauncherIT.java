package org.postdesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the artifact users get — the shaded jar through scripts/postdesk — on an H2 file and on PostgreSQL. */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("scripts", "postdesk").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void versionAndHelpWork() throws Exception {
        Run version = run(Map.of(), "", "--version");
        assertThat(version.code).isZero();
        assertThat(version.out).startsWith("postdesk ");
        Run help = run(Map.of(), "", "--help");
        assertThat(help.out).contains("mailbox").contains("ticket").contains("run").contains("sandbox");
    }

    /**
     * A command's first run records its classes and a background JVM writes the class-data archive from them; later
     * runs map it (issue 16: start time); the JVM's messages about it never reach the command's output.
     */
    @Test
    void firstCommandWritesTheClassDataArchiveAndLaterOnesUseIt() throws Exception {
        Path cds = dir.resolve("cds");
        Files.createDirectories(cds);
        Path stale = Files.writeString(cds.resolve("postdesk-1.jsa"), "an archive of an older jar");
        Map<String, String> env = Map.of("POSTDESK_CDS", "on", "POSTDESK_CDS_DIR", cds.toString());
        Run first = run(env, "", "--version");
        assertThat(first.code).as(first.err).isZero();
        assertThat(first.err).isEmpty();
        List<Path> archives = List.of();
        for (long deadline = System.nanoTime() + 120_000_000_000L; archives.isEmpty() && System.nanoTime() < deadline;) {
            try (var files = Files.list(cds)) {
                archives = files.filter(p -> p.getFileName().toString().matches("postdesk-cli-[0-9]+\\.jsa")).toList();
            }
            Thread.sleep(200); // polling a file another process writes; the deadline above bounds it
        }
        assertThat(archives).as("the archive written in the background").hasSize(1);
        for (long deadline = System.nanoTime() + 30_000_000_000L; Files.exists(stale) && System.nanoTime() < deadline;) {
            Thread.sleep(200);
        }
        assertThat(stale).as("the archive of an older jar is removed when a new one is written").doesNotExist();
        long written = Files.getLastModifiedTime(archives.get(0)).toMillis();
        Run second = run(env, "", "--version");
        assertThat(second.code).as(second.err).isZero();
        assertThat(second.out).isEqualTo(first.out).startsWith("postdesk ");
        assertThat(Files.getLastModifiedTime(archives.get(0)).toMillis()).isEqualTo(written);
        try (var files = Files.list(cds)) {
            assertThat(files.toList()).as("no class list left behind").containsExactlyElementsOf(archives);
        }
    }

    /**
     * The launcher's memory options (issue 16: RSS): the heap capped at POSTDESK_HEAP and started small, the serial
     * collector; JAVA_OPTS still wins.
     */
    @Test
    void theHeapComesFromPostdeskHeapWithTheSerialCollector() throws Exception {
        Run flags = run(Map.of("POSTDESK_HEAP", "300m", "JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "", "--version");
        assertThat(flags.code).as(flags.err).isZero();
        assertThat(flags.out).contains("-XX:MaxHeapSize=" + 300L * 1024 * 1024).contains("-XX:+UseSerialGC")
                .contains("-XX:InitialHeapSize=" + 32L * 1024 * 1024);
        Run own = run(Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags -Xmx200m -XX:+UseG1GC"), "", "--version");
        assertThat(own.out).contains("-XX:MaxHeapSize=" + 200L * 1024 * 1024).contains("-XX:+UseG1GC")
                .doesNotContain("UseSerialGC");
    }

    /**
     * Issue 16, session 6: every CLI command runs with the quick JIT compiler only (the daemon, {@code run}, keeps
     * tiered compilation), NIO's cached direct buffers capped, and heap free ratios that keep the committed heap
     * near what is live; JAVA_OPTS wins.
     */
    @Test
    void theJitDirectBuffersAndHeapRatiosComeFromTheLauncherAndJavaOptsWins() throws Exception {
        Run flags = run(Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags -XshowSettings:properties"), "", "--version");
        assertThat(flags.code).as(flags.err).isZero();
        assertThat(flags.out).contains("-XX:TieredStopAtLevel=1").contains("-XX:MinHeapFreeRatio=10")
                .contains("-XX:MaxHeapFreeRatio=30");
        assertThat(flags.err).contains("jdk.nio.maxCachedBufferSize = 262144");
        Run daemon = run(Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "", "run", "--help");
        assertThat(daemon.code).as(daemon.err).isZero();
        assertThat(daemon.out).doesNotContain("TieredStopAtLevel").contains("-XX:MinHeapFreeRatio=10");
        Run own = run(Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags -XX:TieredStopAtLevel=4 -XX:MaxHeapFreeRatio=70"
                + " -Djdk.nio.maxCachedBufferSize=1048576 -XshowSettings:properties"), "", "--version");
        assertThat(own.code).as(own.err).isZero();
        assertThat(own.out).doesNotContain("TieredStopAtLevel=1").doesNotContain("MinHeapFreeRatio=10")
                .contains("-XX:MaxHeapFreeRatio=70");
        assertThat(own.err).contains("jdk.nio.maxCachedBufferSize = 1048576").doesNotContain("= 262144");
    }

    /**
     * The benchmarks take the daemon's JVM options from the launcher (one place for them): printed without starting
     * a JVM or needing the jar, the daemon's without the CLI's quick-JIT flag, with JAVA_OPTS after them.
     */
    @Test
    void theLauncherPrintsTheDaemonsJvmOptionsForTheBenchmarks() throws Exception {
        Run daemon = run(LAUNCHER, Map.of("POSTDESK_PRINT_JVM_OPTIONS", "1", "POSTDESK_JAR", "/nonexistent",
                "POSTDESK_HEAP", "300m", "JAVA_OPTS", "-Dbench=1"), "", "run");
        assertThat(daemon.code).as(daemon.err).isZero();
        assertThat(daemon.out.trim()).startsWith("-Xmx300m -Xms32m -XX:+UseSerialGC").endsWith("-Dbench=1")
                .doesNotContain("TieredStopAtLevel");
        Run cli = run(LAUNCHER, Map.of("POSTDESK_PRINT_JVM_OPTIONS", "1", "POSTDESK_JAR", "/nonexistent"), "",
                "ticket", "list");
        assertThat(cli.out).contains("-XX:TieredStopAtLevel=1");
        Run noJar = run(LAUNCHER, Map.of("POSTDESK_JAR", "/nonexistent"), "", "ticket", "list");
        assertThat(noJar.code).isEqualTo(1);
        assertThat(noJar.err).contains("cannot find postdesk.jar");
    }

    /**
     * A store whose schema is current opens without Flyway (issue 16: half a second of every command); the first
     * command on a new store still migrates it with Flyway. Seen from the JVM's class loading in the shaded jar.
     */
    @Test
    void aCurrentStoreOpensWithoutLoadingFlyway() throws Exception {
        Map<String, String> store = Map.of("POSTDESK_DB_URL", "jdbc:h2:file:" + dir.resolve("db/postdesk"),
                "POSTDESK_DATA_DIR", dir.resolve("data").toString());
        Path firstLog = dir.resolve("first-classes.log");
        Path laterLog = dir.resolve("later-classes.log");
        Run first = run(withClassLog(store, firstLog), "", "ticket", "list");
        assertThat(first.code).as(first.err).isZero();
        assertThat(Files.readString(firstLog)).contains("org.flywaydb.core.Flyway ");
        Run later = run(withClassLog(store, laterLog), "", "ticket", "list");
        assertThat(later.code).as(later.err).isZero();
        assertThat(later.out).contains("no tickets yet");
        assertThat(Files.readString(laterLog)).contains("org.postdesk.store.SchemaCurrency ")
                .doesNotContain("org.flywaydb.core.Flyway ");
    }

    private static Map<String, String> withClassLog(Map<String, String> env, Path log) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
        return all;
    }

    @Test
    void mailboxLifecycleOnAnH2File() throws Exception {
        Map<String, String> env = Map.of("POSTDESK_DB_URL", "jdbc:h2:file:" + dir.resolve("db/postdesk"),
                "POSTDESK_DATA_DIR", dir.resolve("data").toString());
        assertMailboxLifecycle(env);
        assertThat(dir.resolve("data/secret.key")).exists();
    }

    @Test
    void mailboxLifecycleOnPostgres() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Map<String, String> env = Map.of("POSTDESK_DB_URL", pg.getJdbcUrl("postgres", "postgres"),
                    "POSTDESK_DB_USER", "postgres", "POSTDESK_DATA_DIR", dir.resolve("data").toString());
            assertMailboxLifecycle(env);
        }
    }

    @Test
    void badConfigValueStopsWithOneLineAndExitCode3() throws Exception {
        Run bad = run(Map.of("POSTDESK_INGEST_POLL_INTERVAL", "soon", "POSTDESK_DATA_DIR", dir.toString()), "", "run");
        assertThat(bad.code).isEqualTo(3);
        assertThat(bad.err).contains("ingest.poll-interval").contains("soon");
        assertThat(bad.err.strip().lines().count()).isEqualTo(1);
    }

    private void assertMailboxLifecycle(Map<String, String> env) throws Exception {
        Run added = run(env, "s3cret\n", "mailbox", "add", "support", "--address", "support@example.test",
                "--imap", "imaps://support%40example.test@mail.example.test", "--smtp", "smtp+starttls://mail.example.test");
        assertThat(added.code).as(added.err).isZero();
        Run list = run(env, "", "mailbox", "list", "--json");
        assertThat(list.code).as(list.err).isZero();
        assertThat(list.out).contains("\"support\"").doesNotContain("s3cret");
        Run tickets = run(env, "", "ticket", "list");
        assertThat(tickets.out).contains("no tickets yet");
        // Nothing on standard error for a command that worked: no warning from a library starting up (ical4j's
        // zone provider once logged while logging itself was starting, and SLF4J said so on every command).
        assertThat(tickets.err).as("standard error of 'ticket list'").isEmpty();
        assertThat(run(env, "", "mailbox", "remove", "support").code).isZero();
    }

    /**
     * In a source checkout the launcher runs a copy of target/postdesk.jar, so a build that rewrites the jar in place
     * (mvn package or verify beside a running daemon or sandbox) cannot pull classes from under a running JVM; a new
     * build gets a new copy and copies made more than an hour before are removed.
     */
    @Test
    void aSourceCheckoutRunsACopyOfTheBuildAndANewBuildGetsANewCopy() throws Exception {
        Path checkout = dir.resolve("checkout");
        Files.createDirectories(checkout.resolve("scripts"));
        Files.createDirectories(checkout.resolve("target"));
        Path launcher = Files.copy(LAUNCHER, checkout.resolve("scripts/postdesk"));
        Path built = Files.copy(Path.of(System.getProperty("postdesk.jar", "target/postdesk.jar")),
                checkout.resolve("target/postdesk.jar"));
        Path cache = dir.resolve("cache");
        Path jars = cache.resolve("postdesk/jars");

        Run first = run(launcher, Map.of("XDG_CACHE_HOME", cache.toString()), "", "--version");
        assertThat(first.code).as(first.err).isZero();
        assertThat(first.out).startsWith("postdesk ");
        List<Path> copies = list(jars);
        assertThat(copies).hasSize(1);
        assertThat(Files.mismatch(copies.get(0), built)).as("the copy is the build, byte for byte").isEqualTo(-1L);

        // A rebuild: the same path rewritten with a later time.
        Files.write(built, Files.readAllBytes(built));
        Files.setLastModifiedTime(built, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(copies.get(0)).toMillis() + 5_000));
        Run second = run(launcher, Map.of("XDG_CACHE_HOME", cache.toString()), "", "--version");
        assertThat(second.code).as(second.err).isZero();
        List<Path> after = list(jars);
        // The older copy was made seconds ago: a process of another checkout may still be starting from it.
        assertThat(after).hasSize(2).containsAll(copies);

        // An hour later the next build's copy removes it.
        Path oldest = copies.get(0);
        Files.setLastModifiedTime(oldest, java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - 2 * 3_600_000L));
        Files.write(built, Files.readAllBytes(built));
        Files.setLastModifiedTime(built, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(built).toMillis() + 10_000));
        Run third = run(launcher, Map.of("XDG_CACHE_HOME", cache.toString()), "", "--version");
        assertThat(third.code).as(third.err).isZero();
        assertThat(list(jars)).hasSize(2).doesNotContain(oldest);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).toList();
        }
    }

    private Run run(Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("POSTDESK_JAR", System.getProperty("postdesk.jar", "target/postdesk.jar"));
        return run(LAUNCHER, all, stdin, args);
    }

    private Run run(Path launcher, Map<String, String> env, String stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("POSTDESK_"));
        // The class-data archive is tested on its own; elsewhere each test's first command would write one.
        pb.environment().put("POSTDESK_CDS", "off");
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("postdesk " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Run(int code, String out, String err) {
    }
}
