package org.postdesk.ingest;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxLease;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MailboxState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Reads one mailbox in UID order, for as long as the daemon runs: IDLE where the server has it, polling
 * otherwise, reconnecting with backoff after any failure. A message is flagged or moved on the server
 * only after the transaction that stored it committed.
 */
public final class MailboxWorker implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(MailboxWorker.class);
    /** A session up to date for this long counts as working: its failure starts the backoff from 1 s again. */
    private static final Duration HEALTHY = Duration.ofSeconds(5);
    /** How often a standing-by daemon tries the lease of a mailbox another daemon watches. */
    static final Duration LEASE_RETRY = Duration.ofSeconds(10);

    private final Mailbox mailbox;
    private final FolderOpener opener;
    private final IngestService ingest;
    private final Database db;
    private final WorkerSettings settings;
    private final Disposition disposition;
    private final ScheduledExecutorService timer;
    private final Clock clock;
    private final Object sleeper = new Object();
    private volatile boolean running = true;
    /** Set by {@link #handOver()}: leave the mailbox, free the lease, and stand by. */
    private volatile boolean handOver;
    private volatile IMAPFolder current;
    /** When the current session was first up to date (null: not yet); a session that stays so resets the backoff. */
    private volatile Instant healthySince;
    private final MailboxLease lease;
    /** Whether the lease was held at the last try; null before the first. */
    private Boolean leaseHeld;

    public MailboxWorker(Mailbox mailbox, FolderOpener opener, IngestService ingest, Database db,
                         WorkerSettings settings, Disposition disposition, ScheduledExecutorService timer,
                         Clock clock) {
        this(mailbox, opener, ingest, db, settings, disposition, timer, clock, MailboxLease.GRANTED);
    }

    /** With {@code lease}: the worker watches the mailbox only while it holds it, and stands by otherwise. */
    public MailboxWorker(Mailbox mailbox, FolderOpener opener, IngestService ingest, Database db,
                         WorkerSettings settings, Disposition disposition, ScheduledExecutorService timer,
                         Clock clock, MailboxLease lease) {
        this.lease = lease;
        this.mailbox = mailbox;
        this.opener = opener;
        this.ingest = ingest;
        this.db = db;
        this.settings = settings;
        this.disposition = disposition;
        this.timer = timer;
        this.clock = clock;
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    @Override
    public void run() {
        int failures = 0;
        boolean watched = false;
        try (var m = MDC.putCloseable("mailbox", mailbox.name()); MailboxLease l = lease) {
            while (running) {
                healthySince = null;
                try {
                    if (handOver) {
                        handOver = false;
                        watched = false; // the next holder reports the state from now on
                        lease.close();
                    }
                    if (!holdLease()) {
                        pause(LEASE_RETRY.toMillis());
                        continue;
                    }
                    watched = true;
                    session();
                    failures = 0;
                } catch (Exception | OutOfMemoryError e) {
                    // Out of memory (a huge message, a burst) is an outage like any other: the message was not
                    // flagged, so it is read again after the backoff, when the heap has been collected.
                    if (!running) {
                        break;
                    }
                    if (handOver) {
                        continue;
                    }
                    failures = failuresAfter(failures, healthySince, clock.instant());
                    report("ERROR", e.getMessage());
                    String message = String.valueOf(e.getMessage());
                    String prefix = "mailbox " + mailbox.name() + ": ";
                    prefix = message.startsWith(prefix) ? "" : prefix;
                    log.warn("{}{} (attempt {}, retrying in {})", prefix, message, failures, settings.backoff(failures),
                            expected(e) ? null : e);
                    log.debug("mailbox {}: failure details", mailbox.name(), e);
                    pause(settings.backoff(failures).toMillis());
                }
            }
        }
        if (watched) {
            report("STOPPED", null); // a daemon that only stood by must not overwrite the watching one's state
        }
        log.info("mailbox {}: worker stopped", mailbox.name());
    }

    /** Whether this daemon watches the mailbox; says so when that changes. */
    private boolean holdLease() {
        boolean held = lease.tryAcquire();
        if (leaseHeld == null ? !held : held != leaseHeld) {
            log.info(held ? "mailbox {}: the daemon that watched it stopped; this one takes over"
                    : "mailbox {}: another daemon watches it; this one stands by and takes over if it stops",
                    mailbox.name());
        }
        leaseHeld = held;
        return held;
    }

    /**
     * The failure count after one more failure. A session that worked for a while counts from zero again:
     * a connection dropped long after an old outage is retried after 1 s, not after that outage's capped backoff.
     */
    static int failuresAfter(int failures, Instant healthySinceOrNull, Instant now) {
        boolean worked = healthySinceOrNull != null && !healthySinceOrNull.plus(HEALTHY).isAfter(now);
        return worked ? 1 : failures + 1;
    }

    /** Connection trouble is logged in one line; anything else (a bug) with its stack trace. */
    private static boolean expected(Throwable e) {
        return e instanceof MessagingException || e instanceof IOException || e instanceof MailboxUnavailableException;
    }

    /** Asks the worker to stop after the message in flight; wakes it from IDLE or its poll sleep. */
    public void stop() {
        running = false;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        breakIdle(current);
    }

    /**
     * Asks the worker to leave the mailbox after the message in flight and free its lease, so another
     * daemon can take it (load balancing); the worker then stands by like any daemon without the lease.
     */
    public void handOver() {
        handOver = true;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        breakIdle(current);
    }

    /** Connects once, stores everything waiting, and disconnects: for tests, benchmarks and one-shot runs. */
    public void drainOnce() {
        try (var m = MDC.putCloseable("mailbox", mailbox.name())) {
            IMAPFolder folder = opener.open(mailbox);
            try {
                long validity = folder.getUIDValidity();
                recover(folder, validity, syncCursor(folder, validity));
                fetchNew(folder, validity);
            } finally {
                close(folder);
            }
        } catch (MessagingException | IOException e) {
            throw new MailboxUnavailableException(mailbox.name(), MailFailures.classify(e), "mailbox "
                    + mailbox.name() + ": reading failed: " + e.getMessage(), e);
        }
    }

    private void session() throws MessagingException, IOException {
        IMAPFolder folder = opener.open(mailbox);
        current = folder;
        try {
            long validity = folder.getUIDValidity();
            long lastUid = syncCursor(folder, validity);
            report("CONNECTED", null);
            recover(folder, validity, lastUid);
            boolean idle = settings.useIdle() && ((IMAPStore) folder.getStore()).hasCapability("IDLE");
            if (idle) {
                folder.addMessageCountListener(wakeOnNewMail(folder));
            }
            while (running && !handOver && folder.isOpen()) {
                fetchNew(folder, validity);
                if (healthySince == null) {
                    healthySince = clock.instant();
                }
                report(idle ? "IDLE" : "POLLING", null);
                if (!newerThanCursor(folder)) {
                    waitForMail(folder, idle);
                }
            }
        } finally {
            current = null;
            close(folder);
        }
    }

    /**
     * The stored cursor, or a fresh one. On the very first connection the cursor starts at the newest
     * message, so a mailbox with years of history does not turn into thousands of tickets and
     * acknowledgements: only its unseen messages (all of them when moving) are read, by {@link #recover}.
     * When the server's UIDVALIDITY changed, the folder is read again from the start; stored messages are
     * recognised, and read messages older than the mailbox's registration are skipped.
     */
    private long syncCursor(IMAPFolder folder, long validity) throws MessagingException {
        MailboxRepository repo = new MailboxRepository(db.dsl());
        MailboxState state = repo.state(mailbox.id());
        if (state.uidValidity() != null && state.uidValidity() == validity) {
            return state.lastUid();
        }
        long start = 0;
        if (state.uidValidity() != null) {
            log.warn("mailbox {}: UIDVALIDITY changed from {} to {}; re-reading the folder (stored messages are"
                    + " recognised and skipped)", mailbox.name(), state.uidValidity(), validity);
        } else {
            int count = folder.getMessageCount();
            start = count == 0 ? 0 : folder.getUID(folder.getMessage(count));
            log.info("mailbox {}: first connection, {} message(s) in the folder; reading the {} ones", mailbox.name(),
                    count, mailbox.moveTo() == null ? "unseen" : "remaining");
        }
        repo.saveCursor(mailbox.id(), validity, start);
        return start;
    }

    /**
     * Messages at or below the cursor that are still unseen (or, when moving, still here) were stored
     * but not flagged before a crash — or never read: store (deduplicated) and dispose of them now.
     */
    private void recover(IMAPFolder folder, long validity, long lastUid) throws MessagingException, IOException {
        if (lastUid == 0) {
            return;
        }
        Message[] candidates = mailbox.moveTo() == null
                ? folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))
                : folder.getMessages();
        fetchUids(folder, candidates);
        for (Message message : sorted(folder, candidates)) {
            long uid = folder.getUID(message);
            if (running && uid <= lastUid) {
                process(folder, message, uid, source(message, null), null);
            }
        }
    }

    private void fetchNew(IMAPFolder folder, long validity) throws MessagingException, IOException {
        long lastUid = new MailboxRepository(db.dsl()).state(mailbox.id()).lastUid();
        Message[] messages = folder.getMessagesByUID(lastUid + 1, UIDFolder.LASTUID);
        fetchUids(folder, messages);
        List<Message> todo = new ArrayList<>();
        for (Message message : sorted(folder, messages)) {
            // UID FETCH n:* always returns the newest message, even when n is past it (RFC 3501).
            if (folder.getUID(message) > lastUid) {
                todo.add(message);
            }
        }
        try (ReadAhead readAhead = new ReadAhead(mailbox.name(), todo.size() > 1)) {
            for (int i = 0; i < todo.size() && running; i++) {
                Message message = todo.get(i);
                long uid = folder.getUID(message);
                if (predatesMailbox(message)) {
                    new MailboxRepository(db.dsl()).saveCursor(mailbox.id(), validity, uid);
                    continue;
                }
                byte[] raw = source(message, readAhead);
                nextToStore(todo, i + 1).filter(ReadAhead::worthReading).ifPresent(readAhead::prefetch);
                process(folder, message, uid, raw, new IngestService.Cursor(validity, uid));
                java.util.Date arrived = message.getReceivedDate();
                if (arrived != null) {
                    ingest.observer().arrivalToCommit(mailbox, Duration.between(arrived.toInstant(), clock.instant()));
                }
            }
        }
    }

    /**
     * The message's source; one larger than {@code ingest.max-message-bytes} (its RFC822.SIZE, fetched with
     * the UIDs) is not downloaded: it becomes its headers plus a note, so one huge mail cannot exhaust the heap.
     */
    private byte[] source(Message message, ReadAhead readAhead) throws MessagingException, IOException {
        long size = message.getSize();
        if (size > settings.maxMessageBytes()) {
            log.warn("mailbox {}: message of {} bytes is over ingest.max-message-bytes ({}); storing its headers only",
                    mailbox.name(), size, settings.maxMessageBytes());
            return OversizeMessage.stub(message, size, settings.maxMessageBytes());
        }
        return readAhead == null ? ReadAhead.source(message) : readAhead.take(message);
    }

    private Optional<Message> nextToStore(List<Message> todo, int from) throws MessagingException {
        for (int i = from; i < todo.size(); i++) {
            if (!predatesMailbox(todo.get(i))) {
                return Optional.of(todo.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Mail that arrived while we were fetching is announced in the replies to our own commands, not during
     * the IDLE that follows; without this check it would wait for the next IDLE renewal.
     */
    private boolean newerThanCursor(IMAPFolder folder) throws MessagingException {
        // The count is the one of the server's last reply: without a command, mail delivered since would be
        // announced only after the next IDLE renewal on servers (GreenMail) that do not report it when IDLE starts.
        noop(folder);
        int count = folder.getMessageCount();
        if (count == 0) {
            return false;
        }
        long newest = folder.getUID(folder.getMessage(count));
        return newest > new MailboxRepository(db.dsl()).state(mailbox.id()).lastUid();
    }

    /** A message read by a person before Postdesk watched this mailbox: not Postdesk's to answer. */
    private boolean predatesMailbox(Message message) throws MessagingException {
        java.util.Date received = message.getReceivedDate();
        return received != null && message.isSet(Flags.Flag.SEEN) && mailbox.moveTo() == null
                && received.toInstant().isBefore(mailbox.createdAt().minusSeconds(60));
    }

    private void process(IMAPFolder folder, Message message, long uid, byte[] raw, IngestService.Cursor cursor)
            throws MessagingException {
        try (var u = MDC.putCloseable("uid", Long.toString(uid))) {
            ingest.ingest(mailbox, uid, raw, cursor);
            disposition.apply(folder, message);
        }
    }

    private static void fetchUids(IMAPFolder folder, Message[] messages) throws MessagingException {
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        folder.fetch(messages, profile);
    }

    private static Message[] sorted(IMAPFolder folder, Message[] messages) {
        Message[] copy = messages.clone();
        Arrays.sort(copy, Comparator.comparingLong(m -> uidOf(folder, m)));
        return copy;
    }

    private static long uidOf(IMAPFolder folder, Message m) {
        try {
            return folder.getUID(m);
        } catch (MessagingException e) {
            return Long.MAX_VALUE;
        }
    }

    private void waitForMail(IMAPFolder folder, boolean idle) throws MessagingException {
        if (!running || handOver) {
            return;
        }
        if (!idle) {
            pause(settings.pollInterval().toMillis());
            return;
        }
        // IDLE blocks until the server reports something; re-issue it before servers and NAT drop it.
        ScheduledFuture<?> renew = timer.schedule(() -> breakIdle(folder), settings.idleRenew().toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            folder.idle(true);
        } finally {
            renew.cancel(false);
        }
    }

    private static void noop(IMAPFolder folder) throws MessagingException {
        folder.doCommand(protocol -> {
            protocol.simpleCommand("NOOP", null);
            return null;
        });
    }

    /**
     * A server may announce new mail just as IDLE starts, before its go-ahead; Angus then counts the mail but
     * keeps idling until the next announcement or renewal. Any new mail therefore also ends the IDLE.
     */
    private MessageCountAdapter wakeOnNewMail(IMAPFolder folder) {
        return new MessageCountAdapter() {
            @Override
            public void messagesAdded(MessageCountEvent e) {
                timer.execute(() -> breakIdle(folder));
            }
        };
    }

    /** Any command from another thread ends a running IDLE (Angus aborts it to take the connection). */
    private static void breakIdle(IMAPFolder folder) {
        if (folder == null) {
            return;
        }
        try {
            noop(folder);
        } catch (MessagingException | RuntimeException e) {
            log.debug("breaking IDLE: {}", e.toString());
        }
    }

    private void pause(long millis) {
        synchronized (sleeper) {
            if (!running || handOver) {
                return;
            }
            try {
                sleeper.wait(millis);
            } catch (InterruptedException e) {
                running = false;
                Thread.currentThread().interrupt();
            }
        }
    }

    private void report(String state, String error) {
        try {
            new MailboxRepository(db.dsl()).reportState(mailbox.id(), state, error, clock.instant());
        } catch (RuntimeException e) {
            log.warn("mailbox {}: cannot record state {}: {}", mailbox.name(), state, e.toString());
        }
    }

    private static void close(IMAPFolder folder) {
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            log.debug("closing folder: {}", e.toString());
        }
        try {
            folder.getStore().close();
        } catch (MessagingException | RuntimeException e) {
            log.debug("closing store: {}", e.toString());
        }
    }
}
