package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.cli.Main;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The embedded H2 file shared by the daemon and CLI commands (AUTO_SERVER): a command that opened the file
 * first serves it to the daemon, and must exit at once when it is done, leaving the daemon able to go on. It
 * did not: H2's shutdown hook closed the database the daemon still used and spun forever in
 * MVStore.registerVersionUsage (a 'ticket list' at 100 % CPU for 35 minutes on a real server, holding the file
 * lock so that a restarted daemon could not open the store at all); {@link Main#exit} now bounds the hooks.
 */
class SharedH2FileTest {
    private static final Duration EXIT = Duration.ofSeconds(60);

    /** A CLI command's life in a JVM of its own: open the store, say so, wait for a line, close, exit. */
    public static final class Command {
        public static void main(String[] args) throws IOException {
            Database db = Database.open(new DbSettings(args[0], "sa", "", 2));
            db.dsl().fetchValue("select count(*) from ticket");
            System.out.println("open");
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            db.close();
            Main.exit(0);
        }
    }

    @Test
    void aCommandServingTheFileExitsPromptlyWhileTheDaemonUsesItAndTheDaemonGoesOn(@TempDir Path dir)
            throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("postdesk").toAbsolutePath();
        Database.open(new DbSettings(url, "sa", "", 2)).close(); // the schema, then nobody holds the file
        Path log = dir.resolve("command.log");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", classpath, Command.class.getName(), url)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            until("the command opened the store (log: " + log + ")",
                    () -> !command.isAlive() || read(log).contains("open"));
            assertThat(command.isAlive()).as(Files.readString(log)).isTrue();

            try (Database daemon = Database.open(new DbSettings(url, "sa", "", 2))) {
                long mailbox = StoreFixtures.mailbox(daemon.dsl(), "support");
                StoreFixtures.ticket(daemon.dsl(), mailbox, "before@example.test");

                command.getOutputStream().write('\n');
                command.getOutputStream().flush();
                assertThat(command.waitFor(EXIT.toSeconds(), TimeUnit.SECONDS))
                        .as("the command exited within %s; its log:%n%s", EXIT, Files.readString(log)).isTrue();
                assertThat(command.exitValue()).isZero();

                // The daemon's connections went through the command's server: they reconnect, and the daemon
                // serves the file itself now. Nothing committed before is lost.
                until("the daemon can write again", () -> {
                    try {
                        StoreFixtures.ticket(daemon.dsl(), mailbox, "after@example.test");
                        return true;
                    } catch (RuntimeException e) {
                        daemon.evictConnections();
                        return false;
                    }
                });
                assertThat(daemon.dsl().fetchCount(org.postdesk.store.db.Tables.TICKET)).isEqualTo(2);
            }
        } finally {
            command.destroyForcibly();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void until(String what, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(EXIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out after " + EXIT + " waiting for " + what);
            }
            Thread.sleep(100); // polling a condition, not a synchronisation
        }
    }
}
