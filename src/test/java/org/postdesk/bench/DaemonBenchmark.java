package org.postdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.postdesk.config.ConfigLoader;
import org.postdesk.config.PostdeskConfig;
import org.postdesk.config.SecretBox;
import org.postdesk.daemon.Pipeline;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.NewAgent;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.db.Tables;

/**
 * {@code scripts/bench-daemon} (issue 16): the daemon as an admin starts it, {@code scripts/postdesk run} in its
 * own JVM with the launcher's options, against GreenMail in this JVM through {@link IdleProxy}. Each run starts
 * the daemon on a fresh H2 file store whose mailbox already holds a backlog of N mails (0: an empty mailbox) and
 * prints the time from starting the launcher to the daemon's first IMAP IDLE (with a backlog: after draining
 * it), the tickets stored by then, and the daemon's peak resident set (VmHWM, sampled VmRSS). A program that
 * prints figures, not a test. Usage: scripts/bench-daemon [--backlog N] [--runs N]; $DAEMON_JAVA_OPTS and
 * $POSTDESK_HEAP reach the daemon's launcher as JAVA_OPTS and POSTDESK_HEAP.
 */
public final class DaemonBenchmark {
    private static final String SUPPORT_PASSWORD = "secret";

    private DaemonBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int backlog = 0;
        int runs = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--backlog": backlog = Integer.parseInt(args[++i].replace("_", "")); break;
                case "--runs": runs = Integer.parseInt(args[++i]); break;
                default:
                    System.err.println("usage: scripts/bench-daemon [--backlog N] [--runs N]");
                    System.exit(2);
            }
        }
        System.out.printf(Locale.ROOT, "daemon: scripts/postdesk run, JAVA_OPTS='%s' POSTDESK_HEAP=%s; backlog %,d mails"
                + " (70 %% new), two agents%n", System.getenv().getOrDefault("DAEMON_JAVA_OPTS", ""),
                System.getenv().getOrDefault("POSTDESK_HEAP", "(launcher default)"), backlog);
        for (int r = 1; r <= runs; r++) {
            try (EmbeddedServer server = new EmbeddedServer()) {
                one(r, server, backlog);
            }
        }
    }

    private static void one(int run, EmbeddedServer server, int backlog) throws Exception {
        Path work = Files.createTempDirectory("bench-daemon");
        try (IdleProxy proxy = new IdleProxy(server.imapPort())) {
            Map<String, String> env = prepare(work, server, proxy.port());
            if (backlog > 0) {
                server.fill(new MailFactory(run, server.supportAddress(), "d" + run).batch(backlog));
            }
            List<String> argv = List.of("scripts/postdesk", "run");
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(work.resolve("daemon.log").toFile());
            pb.environment().putAll(env);
            long t0 = System.nanoTime();
            Process daemon = pb.start();
            AtomicLong peakRss = new AtomicLong();
            Thread sampler = sampler(daemon.pid(), peakRss);
            long idleAt = -1;
            for (int waited = 0; idleAt < 0 && daemon.isAlive() && waited < 600; waited++) {
                idleAt = proxy.awaitIdle(1);
            }
            long hwm = status(daemon.pid(), "VmHWM:");
            sampler.interrupt();
            daemon.destroy();
            daemon.waitFor();
            int stored = tickets(env);
            System.out.printf(Locale.ROOT, "run %d: start to first IDLE %s, %,d tickets stored; peak RSS %d MB (VmHWM),"
                    + " %d MB sampled%n", run, idleAt < 0 ? "none (see " + work + "/daemon.log)"
                    : String.format(Locale.ROOT, "%.2f s", (idleAt - t0) / 1e9), stored, hwm / 1024,
                    peakRss.get() / 1024);
        }
    }

    /** A store with the support mailbox (its IMAP through the relay) and two agents, its cursor at the end. */
    private static Map<String, String> prepare(Path work, EmbeddedServer server, int relayPort) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> env = new HashMap<>(Map.of(SecretBox.KEY_ENV, Base64.getEncoder().encodeToString(key),
                "POSTDESK_DB_URL", "jdbc:h2:file:" + work.resolve("db/postdesk"), "POSTDESK_DATA_DIR",
                work.toString(), "POSTDESK_CDS", "off", "POSTDESK_HTTP_LISTEN", "127.0.0.1:" + freePort()));
        String opts = System.getenv("DAEMON_JAVA_OPTS");
        if (opts != null) {
            env.put("JAVA_OPTS", opts);
        }
        PostdeskConfig config = ConfigLoader.load(null, env);
        SecretBox secrets = SecretBox.open(env, work.resolve("secret.key"));
        try (Database db = Database.open(config.db().toSettings())) {
            NewMailbox viaGreenMail = server.mailbox(secrets);
            NewMailbox viaRelay = new NewMailbox(viaGreenMail.name(), viaGreenMail.address(),
                    "imap://support@127.0.0.1:" + relayPort + "/INBOX", viaGreenMail.smtpUrl(),
                    secrets.encrypt(SUPPORT_PASSWORD), null, null, false, null, "Support", "en");
            Mailbox mailbox = new MailboxRepository(db.dsl()).add(viaRelay);
            for (int a = 1; a <= 2; a++) {
                new AgentRepository(db.dsl()).add(new NewAgent("Agent " + a, List.of("agent" + a + "@example.test"),
                        List.of(mailbox.id())));
            }
            // The first connection puts the cursor at the end of the (still empty) folder, as in production.
            new Pipeline(config, db, secrets, null, Clock.systemUTC()).ingestAllNow(mailbox);
        }
        return env;
    }

    private static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("no free port for the daemon's metrics", e);
        }
    }

    private static int tickets(Map<String, String> env) {
        PostdeskConfig config = ConfigLoader.load(null, env);
        try (Database db = Database.open(config.db().toSettings())) {
            return db.dsl().fetchCount(Tables.TICKET);
        }
    }

    private static Thread sampler(long pid, AtomicLong peakKb) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakKb.accumulateAndGet(status(pid, "VmRSS:"), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A kB figure of /proc/PID/status (Linux), 0 when the process is gone. */
    static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
