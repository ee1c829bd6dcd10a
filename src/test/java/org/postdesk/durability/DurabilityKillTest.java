package org.postdesk.durability;

import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.store.DbSettings;
import org.postdesk.store.TestDatabases;

/**
 * Nothing lost on kill -9: a daemon (the real ingest and outbox code, {@link KillChild}) is killed with SIGKILL at
 * random moments while customer mail keeps arriving, hundreds of times in all, on the embedded H2 file store and
 * on PostgreSQL. After every kill: each message whose storing transaction had returned is in the store, nothing
 * is flagged on the server without being stored, no ticket or customer mail has two acknowledgements with
 * different Message-IDs, and every acknowledgement belongs to a stored ticket. At the end a last daemon runs
 * until everything is stored and acknowledged.
 *
 * <p>Guards every H2 upgrade: H2 2.5.252 fails it (issue 8). The two stores run side by side, each with its own
 * mail server and child JVMs, to use both cores. Kill counts: {@code -Dpostdesk.kills.h2=N},
 * {@code -Dpostdesk.kills.postgres=N} (0 skips that store), {@code -Dpostdesk.kills.mails-per-round=N}.
 */
class DurabilityKillTest {
    /** Mail arriving before each start; the child is killed after storing 0 to this many of them. */
    private static final int MAILS_PER_ROUND = Integer.getInteger("postdesk.kills.mails-per-round", 20);

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void killedDaemonLosesNothingOnH2OrPostgres(@TempDir Path dir) throws InterruptedException {
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> runs = new ArrayList<>();
            runs.add(both.submit(() -> run("H2", dir.resolve("h2"), Integer.getInteger("postdesk.kills.h2", 50),
                    d -> new DbSettings("jdbc:h2:file:" + d.resolve("db/postdesk"), "sa", "", 10))));
            runs.add(both.submit(() -> run("PostgreSQL", dir.resolve("pg"),
                    Integer.getInteger("postdesk.kills.postgres", 50), d -> TestDatabases.postgresSettings())));
            List<String> failures = new ArrayList<>();
            for (Future<String> run : runs) {
                try {
                    System.out.println("DurabilityKillTest " + run.get());
                } catch (ExecutionException e) {
                    failures.add(e.getCause().getMessage());
                }
            }
            if (!failures.isEmpty()) {
                fail(String.join("\n", failures));
            }
        } finally {
            both.shutdownNow();
        }
    }

    private static String run(String name, Path dir, int kills, Function<Path, DbSettings> store) throws Exception {
        if (kills == 0) {
            return name + ": skipped (0 kills asked for)";
        }
        java.nio.file.Files.createDirectories(dir);
        GreenMail greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        greenMail.start();
        try {
            KillScenario scenario = new KillScenario(name, greenMail, store.apply(dir), dir);
            scenario.killRounds(kills, MAILS_PER_ROUND);
            scenario.drainAndCheck();
            return scenario.summary();
        } finally {
            greenMail.stop();
        }
    }
}
