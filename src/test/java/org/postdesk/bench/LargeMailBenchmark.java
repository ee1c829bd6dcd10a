package org.postdesk.bench;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postdesk.config.ConfigLoader;
import org.postdesk.config.PostdeskConfig;
import org.postdesk.config.SecretBox;
import org.postdesk.daemon.Pipeline;
import org.postdesk.mail.LargeMails;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.AttachmentRow;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.MessageRow;
import org.postdesk.store.NewAgent;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;

/**
 * {@code scripts/bench-large-mail} (issue 15): the daemon as an admin starts it ({@code scripts/postdesk run}, its
 * own JVM, the launcher's default heap) drains a real IMAP server's mailbox of mails with 1-40 MB attachments, and
 * this prints the daemon's peak RSS (VmHWM), its heap (peak used before a collection and the most still used
 * after one, from {@code -Xlog:gc}), the time, and what became of each mail. The mails are written into the
 * mailbox's Maildir (as its owner: run as root or as that user), so they never pass through this JVM's heap;
 * the daemon's SMTP goes to a GreenMail sink in this JVM (the acknowledgements and the agents' notifications
 * with their files), emptied as it fills. A program that prints figures, not a test.
 */
public final class LargeMailBenchmark {
    private static final String USAGE = "usage: scripts/bench-large-mail --imap imap://USER@HOST:PORT/INBOX --password P"
            + " --maildir DIR [--sizes 1,5,10,20,29,40] [--agents 2]\n  (sizes: MB of one attachment per mail; one more"
            + " mail carries 20 + 9 MB)";
    private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private LargeMailBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>(Map.of("--sizes", "1,5,10,20,29,40", "--agents", "2"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        if (!o.containsKey("--imap") || !o.containsKey("--password") || !o.containsKey("--maildir") || args.length % 2 != 0) {
            System.err.println(USAGE);
            System.exit(2);
        }
        System.exit(run(o));
    }

    private static int run(Map<String, String> o) throws Exception {
        Path work = Files.createTempDirectory("bench-large-mail");
        Path maildir = Path.of(o.get("--maildir"));
        List<int[]> mails = new ArrayList<>();
        for (String mb : o.get("--sizes").split(",")) {
            mails.add(new int[] {Integer.parseInt(mb.strip()) * 1_000_000});
        }
        mails.add(new int[] {20_000_000, 9_000_000});
        // Any sender, any recipient: the daemon logs in with the mailbox's account, which the sink does not know.
        GreenMail sink = new GreenMail(ServerSetup.dynamicPort(new ServerSetup[] {ServerSetupTest.SMTP}))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        sink.start();
        try {
            String imapUrl = o.get("--imap");
            String password = o.get("--password");
            empty(imapUrl, password);
            Map<String, String> env = prepare(work, imapUrl, password, sink.getSmtp().getPort(),
                    Integer.parseInt(o.get("--agents")));
            long bytes = 0;
            for (int i = 0; i < mails.size(); i++) {
                bytes += deliver(maildir, work, i, mails.get(i));
            }
            System.out.printf(Locale.ROOT, "load average before: %s; %d mails, %.1f MB in the Maildir %s%n",
                    loadAverage(), mails.size(), bytes / 1e6, maildir);
            return drain(work, env, imapUrl, password, sink, mails.size());
        } finally {
            sink.stop();
        }
    }

    private static int drain(Path work, Map<String, String> env, String imapUrl, String password, GreenMail sink,
                             int count) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("scripts/postdesk", "run").redirectErrorStream(true)
                .redirectOutput(work.resolve("daemon.log").toFile());
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process daemon = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(daemon::destroy)); // never leave it running after a ^C
        AtomicLong peakRss = new AtomicLong();
        Thread sampler = DaemonBenchmark.sampler(daemon.pid(), peakRss);
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        int unseen = count;
        double pending = -1;
        long sent = 0;
        long drainedAt = 0;
        while (daemon.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2000);
            sent += takeSent(sink);
            unseen = unseen(imapUrl, password);
            pending = metric(env, "postdesk_outbox_pending");
            if (unseen == 0 && drainedAt == 0) {
                drainedAt = System.nanoTime();
            }
            if (unseen == 0 && pending == 0) {
                break;
            }
        }
        long done = System.nanoTime();
        long hwm = DaemonBenchmark.status(daemon.pid(), "VmHWM:");
        sampler.interrupt();
        boolean alive = daemon.isAlive();
        daemon.destroy();
        daemon.waitFor();
        sent += takeSent(sink);
        Heap heap = heap(work.resolve("gc.log"));
        List<String> log = Files.readAllLines(work.resolve("daemon.log"));
        long errors = log.stream().filter(l -> l.contains(" ERROR ")).count();
        long oom = log.stream().filter(l -> l.contains("OutOfMemoryError")).count();
        System.out.printf(Locale.ROOT, "daemon: %s; mailbox read in %s, outbox empty after %.1f s; %d mails sent"
                        + " (acknowledgements and notifications)%n",
                alive ? "ran throughout" : "EXITED (see " + work + "/daemon.log)",
                drainedAt == 0 ? "-- (" + unseen + " still unread)" : String.format(Locale.ROOT, "%.1f s",
                        (drainedAt - t0) / 1e9), (done - t0) / 1e9, sent);
        System.out.printf(Locale.ROOT, "peak RSS %d MB (VmHWM), %d MB sampled; heap: max %d MB, peak used %d MB,"
                        + " most still used after a collection %d MB (%d collections)%n", hwm / 1024,
                peakRss.get() / 1024, heap.max(), heap.peak(), heap.live(), heap.collections());
        System.out.printf(Locale.ROOT, "daemon log: %d ERROR lines, %d OutOfMemoryError; load average after: %s%n",
                errors, oom, loadAverage());
        report(env);
        System.out.println("work directory (daemon.log, gc.log, the store): " + work);
        return alive && unseen == 0 && errors == 0 && oom == 0 ? 0 : 1;
    }

    /** A store with the mailbox (SMTP to the sink) and the agents, its cursor at the end of the emptied folder. */
    private static Map<String, String> prepare(Path work, String imapUrl, String password, int smtpPort, int agents)
            throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        int http;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            http = s.getLocalPort();
        }
        Map<String, String> env = new HashMap<>(Map.of(SecretBox.KEY_ENV, Base64.getEncoder().encodeToString(key),
                "POSTDESK_DB_URL", "jdbc:h2:file:" + work.resolve("db/postdesk"), "POSTDESK_DATA_DIR", work.toString(),
                "POSTDESK_CDS", "off", "POSTDESK_HTTP_LISTEN", "127.0.0.1:" + http,
                "JAVA_OPTS", (System.getenv().getOrDefault("DAEMON_JAVA_OPTS", "") + " -Xlog:gc:file="
                        + work.resolve("gc.log")).strip()));
        PostdeskConfig config = ConfigLoader.load(null, env);
        SecretBox secrets = SecretBox.open(env, work.resolve("secret.key"));
        try (Database db = Database.open(config.db().toSettings())) {
            String address = org.postdesk.config.MailboxUrl.parseImap(imapUrl).user();
            Mailbox mailbox = new MailboxRepository(db.dsl()).add(new NewMailbox("support", address, imapUrl,
                    "smtp://127.0.0.1:" + smtpPort, secrets.encrypt(password), null, null, false, null, "Support", "en"));
            for (int a = 1; a <= agents; a++) {
                new AgentRepository(db.dsl()).add(new NewAgent("Agent " + a, List.of("agent" + a + "@agents.test"),
                        List.of(mailbox.id())));
            }
            new Pipeline(config, db, secrets, null, Clock.systemUTC()).ingestAllNow(mailbox);
        }
        return env;
    }

    /** Writes mail {@code i} into the Maildir: tmp/, owned by the Maildir's owner, then renamed into new/. */
    private static long deliver(Path maildir, Path work, int i, int[] sizes) throws IOException {
        Path file = work.resolve("mail-" + i + ".eml");
        String sizesText = java.util.Arrays.stream(sizes).mapToObj(s -> s / 1_000_000 + " MB")
                .reduce((a, b) -> a + " + " + b).orElse("");
        long size = LargeMails.write(file, "Customer " + i + " <customer" + i + "@customers.test>", "support",
                "Large mail " + i + ": " + sizesText, "<large-" + i + "-" + System.nanoTime() + "@customers.test>", sizes);
        PosixFileAttributes owner = Files.readAttributes(maildir, PosixFileAttributes.class);
        String name = System.currentTimeMillis() / 1000 + ".P" + ProcessHandle.current().pid() + "N" + System.nanoTime()
                + ".bench,S=" + size;
        Path tmp = maildir.resolve("tmp").resolve(name);
        Files.move(file, tmp, StandardCopyOption.REPLACE_EXISTING);
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        view.setOwner(owner.owner());
        view.setGroup(owner.group());
        Files.move(tmp, maildir.resolve("new").resolve(name), StandardCopyOption.ATOMIC_MOVE);
        return size;
    }

    /** Empties the INBOX (it is the benchmark's own), logging in once so that the server makes the Maildir. */
    private static void empty(String imapUrl, String password) throws Exception {
        try (Store store = connect(imapUrl, password)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message[] all = inbox.getMessages();
            if (all.length > 0) {
                inbox.setFlags(all, new Flags(Flags.Flag.DELETED), true);
            }
            inbox.close(true);
        }
    }

    private static int unseen(String imapUrl, String password) {
        try (Store store = connect(imapUrl, password)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            int n = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false)).length;
            inbox.close(false);
            return n;
        } catch (Exception e) {
            throw new IllegalStateException("cannot count the unread mail of " + imapUrl, e);
        }
    }

    private static Store connect(String imapUrl, String password) throws Exception {
        org.postdesk.config.MailboxUrl url = org.postdesk.config.MailboxUrl.parseImap(imapUrl);
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect(url.host(), url.port(), url.user(), password);
        return store;
    }

    /** How many mails the sink received since the last call; it is emptied, so its heap stays small. */
    private static long takeSent(GreenMail sink) {
        int n = sink.getReceivedMessages().length;
        try {
            sink.purgeEmailFromAllMailboxes();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException("cannot empty the SMTP sink", e);
        }
        return n;
    }

    /** A figure of the daemon's /metrics (the sum over its labels), -1 when it cannot be read. */
    private static double metric(Map<String, String> env, String name) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://"
                    + env.get("POSTDESK_HTTP_LISTEN") + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.body().lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** What each mail became: the ticket, its attachments (kept or dropped) and the parse note. */
    private static void report(Map<String, String> env) {
        PostdeskConfig config = ConfigLoader.load(null, env);
        try (Database db = Database.open(config.db().toSettings())) {
            MessageRepository messages = new MessageRepository(db.dsl());
            for (TicketRow t : new TicketRepository(db.dsl()).list(null, 100)) {
                List<AttachmentRow> files = messages.attachmentsOfTicket(t.id());
                for (MessageRow m : messages.byTicket(t.id())) {
                    if (!"IN".equals(String.valueOf(m.direction()))) {
                        continue;
                    }
                    StringBuilder s = new StringBuilder();
                    files.stream().filter(a -> a.messageId() == m.id()).forEach(a -> s.append(String.format(Locale.ROOT,
                            " %s %.1f MB%s;", a.filename(), a.size() / 1e6, a.droppedReason() == null ? " kept"
                                    : " dropped (" + a.droppedReason() + ")")));
                    String note = m.parseNote() == null ? "" : " note: " + m.parseNote();
                    System.out.printf(Locale.ROOT, "  ticket %s '%s':%s%s%n", t.number(), m.subject(), s,
                            note.length() > 160 ? note.substring(0, 160) + "..." : note);
                }
            }
        }
    }

    private record Heap(long max, long peak, long live, int collections) {
    }

    private static Heap heap(Path gcLog) {
        long max = 0;
        long peak = 0;
        long live = 0;
        int n = 0;
        try {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = GC.matcher(line);
                if (m.find()) {
                    peak = Math.max(peak, Long.parseLong(m.group(1)));
                    live = Math.max(live, Long.parseLong(m.group(2)));
                    max = Math.max(max, Long.parseLong(m.group(3)));
                    n++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the daemon's GC log " + gcLog, e);
        }
        return new Heap(max, peak, live, n);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
