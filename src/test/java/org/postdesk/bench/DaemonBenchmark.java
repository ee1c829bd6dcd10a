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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * it), the tickets stored by then, and the daemon's peak resident set (VmHWM, sampled VmRSS). With {@code --imap} the
 * backlog sits in a real server's INBOX instead (emptied first; {@code --fill-maildir} writes it into the Maildir)
 * and the daemon reads it there through the relay; its mail still goes to the in-process GreenMail. A program that
 * prints figures, not a test. Usage: scripts/bench-daemon [--backlog N] [--runs N] [--imap URL --password-env VAR
 * [--address ADDR] [--fill-maildir DIR]]; $DAEMON_JAVA_OPTS, $POSTDESK_HEAP and $POSTDESK_CDS reach the daemon's
 * launcher as JAVA_OPTS, POSTDESK_HEAP and POSTDESK_CDS (default off: the archive of the jar under test).
 */
public final class DaemonBenchmark {
    private static final String SUPPORT_PASSWORD = "secret";

    private DaemonBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int backlog = 0;
        int runs = 3;
        List<String> real = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--backlog": backlog = Integer.parseInt(args[++i].replace("_", "")); break;
                case "--runs": runs = Integer.parseInt(args[++i]); break;
                case "--imap":
                case "--password-env":
                case "--address":
                case "--fill-maildir": real.addAll(List.of(args[i], args[++i])); break;
                default:
                    System.err.println(USAGE);
                    System.exit(2);
            }
        }
        RemoteServer remote = null;
        if (!real.isEmpty()) {
            // The backlog sits in a real server's INBOX (IMAP through the relay); the acknowledgements still go
            // to the in-process GreenMail, so the benchmark sends no mail through the real server.
            real.addAll(List.of("--smtp", "smtp://127.0.0.1:25", "--latency-samples", "0"));
            BenchOptions o = BenchOptions.parse(real);
            remote = new RemoteServer(o, System.getenv(o.passwordEnv()));
        }
        System.out.printf(Locale.ROOT, "daemon: scripts/postdesk run, JAVA_OPTS='%s' POSTDESK_HEAP=%s; backlog %,d mails"
                + " (70 %% new) in %s, two agents%n", System.getenv().getOrDefault("DAEMON_JAVA_OPTS", ""),
                System.getenv().getOrDefault("POSTDESK_HEAP", "(launcher default)"), backlog,
                remote == null ? "in-process GreenMail" : remote.describe());
        for (int r = 1; r <= runs; r++) {
            try (EmbeddedServer server = new EmbeddedServer()) {
                one(r, server, remote, backlog);
            }
        }
    }

    private static final String USAGE = "usage: scripts/bench-daemon [--backlog N] [--runs N]"
            + " [--imap URL --password-env VAR [--address ADDR] [--fill-maildir DIR]]";

    private static void one(int run, EmbeddedServer server, RemoteServer remote, int backlog) throws Exception {
        Path work = Files.createTempDirectory("bench-daemon");
        BenchServer source = remote != null ? remote : server;
        int upstream = remote != null ? remote.imapPort() : server.imapPort();
        try (IdleProxy proxy = new IdleProxy(upstream)) {
            Map<String, String> env = prepare(work, server, source, proxy.port());
            if (remote != null) {
                remote.empty();
            }
            if (backlog > 0) {
                source.fill(new MailFactory(run, source.supportAddress(), "d" + run).batch(backlog));
            }
            List<String> argv = List.of("scripts/postdesk", "run");
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(work.resolve("daemon.log").toFile());
            pb.environment().putAll(env);
            long t0 = System.nanoTime();
            long wallT0 = System.currentTimeMillis();
            Process daemon = pb.start();
            AtomicLong peakRss = new AtomicLong();
            Thread sampler = sampler(daemon.pid(), peakRss);
            long idleAt = -1;
            for (int waited = 0; idleAt < 0 && daemon.isAlive() && waited < 600; waited++) {
                idleAt = proxy.awaitIdle(1);
            }
            long hwm = status(daemon.pid(), "VmHWM:");
            long anon = status(daemon.pid(), "RssAnon:");
            long file = status(daemon.pid(), "RssFile:") + status(daemon.pid(), "RssShmem:");
            double cpu = cpuSeconds(daemon.pid());
            String threads = ThreadCpu.describe(daemon.pid());
            String classes = ThreadCpu.loadedClasses(daemon.pid());
            String nmt = idleAt >= 0 ? nativeMemory(daemon.pid(), work) : "";
            boolean archived = idleAt >= 0 && "on".equals(env.get("POSTDESK_CDS")) && awaitArchive(daemon);
            sampler.interrupt();
            daemon.destroy();
            daemon.waitFor();
            int stored = tickets(env);
            System.out.printf(Locale.ROOT, "run %d: start to first IDLE %s, %,d tickets stored; daemon CPU by then %.2f s;"
                    + " peak RSS %d MB (VmHWM), %d MB sampled; at the IDLE %d MB anonymous + %d MB of files%s%n", run, idleAt < 0 ? "none (see " + work
                    + "/daemon.log)" : String.format(Locale.ROOT, "%.2f s", (idleAt - t0) / 1e9), stored, cpu,
                    hwm / 1024, peakRss.get() / 1024, anon / 1024, file / 1024,
                    archived ? "; the class-data archive was written after it (no archive yet)" : "");
            System.out.printf(Locale.ROOT, "  classes loaded %s; CPU by thread: %s%n  %s%n", classes, threads,
                    timeline(work.resolve("daemon.log"), wallT0, (idleAt - t0) / 1_000_000));
            System.out.print(nmt);
        }
    }

    /**
     * A store with the support mailbox (its IMAP through the relay, its SMTP to the in-process GreenMail) and two
     * agents, its cursor at the end.
     */
    private static Map<String, String> prepare(Path work, EmbeddedServer sink, BenchServer source, int relayPort) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> env = new HashMap<>(Map.of(SecretBox.KEY_ENV, Base64.getEncoder().encodeToString(key),
                "POSTDESK_DB_URL", "jdbc:h2:file:" + work.resolve("db/postdesk"), "POSTDESK_DATA_DIR",
                work.toString(), "POSTDESK_CDS", System.getenv().getOrDefault("POSTDESK_CDS", "off"),
                "POSTDESK_HTTP_LISTEN", "127.0.0.1:" + freePort()));
        String opts = System.getenv("DAEMON_JAVA_OPTS");
        if (opts != null) {
            env.put("JAVA_OPTS", opts);
        }
        PostdeskConfig config = ConfigLoader.load(null, env);
        SecretBox secrets = SecretBox.open(env, work.resolve("secret.key"));
        try (Database db = Database.open(config.db().toSettings())) {
            NewMailbox real = source.mailbox(secrets);
            String url = real.imapUrl();
            String login = url.substring(url.indexOf("://") + 3, url.lastIndexOf('@'));
            NewMailbox viaRelay = new NewMailbox(real.name(), real.address(),
                    "imap://" + login + "@127.0.0.1:" + relayPort + "/INBOX", sink.smtpUrl(), real.passwordEnc(), null, null,
                    false, null, "Support", "en");
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

    /**
     * With POSTDESK_CDS=on, the launcher of a daemon started without an archive writes one in another process 30 s
     * after the start: keep the daemon running until it is there (up to two minutes), so the next runs measure a
     * start from the archive. The archive waited for is the one this start's class list is for (the launcher names
     * the list after it): an archive of another jar, still in the directory until the new one replaces it, once made
     * this return at once, and every later run started without an archive.
     */
    private static boolean awaitArchive(Process daemon) throws IOException, InterruptedException {
        Optional<Path> wanted = ProcessHandle.of(daemon.pid()).flatMap(h -> h.info().commandLine())
                .map(CLASS_LIST::matcher).filter(Matcher::find).map(m -> Path.of(m.group(1)));
        for (int i = 0; wanted.isPresent() && i < 120 && daemon.isAlive(); i++) {
            if (Files.isRegularFile(wanted.get())) {
                return true;
            }
            Thread.sleep(1000);
        }
        return false;
    }

    /** The launcher's {@code -XX:DumpLoadedClassList=<archive>.<pid>.classlist}; group 1 is the archive. */
    private static final Pattern CLASS_LIST = Pattern.compile("-XX:DumpLoadedClassList=(\\S+\\.jsa)\\.\\d+\\.classlist");

    /**
     * With -XX:NativeMemoryTracking=summary in $DAEMON_JAVA_OPTS: the daemon's own account of its memory at its first
     * IDLE (jcmd VM.native_memory summary; the whole report in the run's directory, nmt.txt), one line per area
     * with its committed size, biggest first; "" without tracking.
     */
    private static String nativeMemory(long pid, Path work) {
        if (!System.getenv().getOrDefault("DAEMON_JAVA_OPTS", "").contains("NativeMemoryTracking")) {
            return "";
        }
        try {
            Path out = work.resolve("nmt.txt");
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(pid), "VM.native_memory", "summary", "scale=MB").redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            jcmd.waitFor();
            StringBuilder b = new StringBuilder("  native memory (NMT, committed MB) in " + out + ":\n");
            java.util.regex.Pattern area = java.util.regex.Pattern.compile(
                    "^(?:-\\s*)?(\\S[^(]*?)\\s*\\(reserved=\\d+MB, committed=(\\d+)MB\\)");
            List<String[]> rows = new java.util.ArrayList<>();
            for (String line : Files.readAllLines(out)) {
                java.util.regex.Matcher m = area.matcher(line.strip());
                if (line.startsWith("Total:")) {
                    b.append("    ").append(line.strip()).append('\n');
                } else if (m.find()) {
                    rows.add(new String[] {m.group(1), m.group(2)});
                }
            }
            rows.sort((x, y) -> Integer.parseInt(y[1]) - Integer.parseInt(x[1]));
            for (String[] r : rows) {
                b.append(String.format(Locale.ROOT, "    %-28s %5s%n", r[0], r[1]));
            }
            return b.toString();
        } catch (IOException e) {
            return "  native memory: jcmd failed: " + e.getMessage() + "\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /**
     * When the daemon's first log line (the store is open), "daemon started" and the first IDLE came, in seconds
     * after the launcher started: which part of the start is the JVM's and the store's, and which the worker's.
     */
    private static String timeline(Path log, long wallT0, long idleMillis) {
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
        StringBuilder b = new StringBuilder("timeline (s after the launcher started):");
        try {
            boolean first = true;
            for (String line : Files.readAllLines(log)) {
                boolean started = line.contains("daemon started:");
                if ((first || started) && line.length() > 23 && Character.isDigit(line.charAt(0))) {
                    long at = java.time.LocalDateTime.parse(line.substring(0, 23), f)
                            .atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();
                    b.append(String.format(Locale.ROOT, " %s %.2f,", first ? "first log line" : "daemon started",
                            (at - wallT0) / 1000.0));
                    first = false;
                }
            }
        } catch (IOException | RuntimeException e) {
            b.append(" (log unreadable: ").append(e).append(')');
        }
        return b.append(String.format(Locale.ROOT, " first IDLE %.2f", idleMillis / 1000.0)).toString();
    }

    /** The user and system CPU time of {@code pid} so far (Linux /proc, 100 ticks a second), 0 when it is gone. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
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

    /** Samples the VmRSS of {@code pid} every 20 ms into {@code peakKb} until interrupted. */
    static Thread sampler(long pid, AtomicLong peakKb) {
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
