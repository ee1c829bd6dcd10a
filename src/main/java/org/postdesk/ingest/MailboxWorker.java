package org.postdesk.ingest;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.postdesk.app.IngestService;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxLease;
import org.postdesk.store.MailboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Watches one mailbox for as long as the daemon runs: holds its lease, opens a {@link MailboxSession} that
 * stores the mail, waits for more with a {@link MailWaiter} (IDLE or poll), and after any failure — an
 * {@link Error} included — logs it and reconnects with backoff, so the thread never dies. A message is flagged
 * or moved on the server only after the transaction that stored it committed.
 */
public final class MailboxWorker implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(MailboxWorker.class);
    /** A session up to date for this long counts as working: its failure starts the backoff from 1 s again. */
    private static final Duration HEALTHY = Duration.ofSeconds(5);
    /** How often a standing-by daemon tries the lease of a mailbox another daemon watches. */
    static final Duration LEASE_RETRY = Duration.ofSeconds(10);

    private final Parts parts;
    private final Mailbox mailbox;
    private final FolderOpener opener;
    private final MailWaiter waiter;
    private volatile boolean running = true;
    /** Set by {@link #handOver()}: leave the mailbox, free the lease, and stand by. */
    private volatile boolean handOver;
    private volatile IMAPFolder current;
    /** When the current session was first up to date (null: not yet); a session that stays so resets the backoff. */
    private volatile Instant healthySince;
    private final MailboxLease lease;
    /** Whether the lease was held at the last try; null before the first. */
    private Boolean leaseHeld;
    /** Failed attempts since the last good connection: the admin reading the warnings is told when they end. */
    private int failedAttempts;
    /** The UIDNEXT that made the last reconnect for unannounced mail ({@link #unannouncedMail}); -1 before one. */
    private long reconnectedAtUidNext = -1;
    /** How long a watching state recorded for {@code mailbox show} stands before the worker records it again. */
    static final Duration STATE_REFRESH = Duration.ofSeconds(30);
    /** The state last recorded without an error, and when: {@link #reportWatching} writes only what changed. */
    private String reportedState;
    private Instant reportedAt;

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
        this.parts = new Parts(mailbox, ingest, db, settings, disposition, clock, new MemoryFailures());
        this.waiter = new MailWaiter(settings, timer, () -> running && !handOver);
    }

    /** What a worker's sessions share: the mailbox, where its mail goes, and how the worker waits and backs off. */
    record Parts(Mailbox mailbox, IngestService ingest, Database db, WorkerSettings settings,
                 Disposition disposition, Clock clock, MemoryFailures memory) {
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    @Override
    public void run() {
        int failures = 0;
        boolean watched = false;
        try (var m = MDC.putCloseable("mailbox", mailbox.name()); MailboxLease l = lease) {
            while (running()) {
                healthySince = null;
                try {
                    if (handOver) {
                        handOver = false;
                        watched = false; // the next holder reports the state from now on
                        lease.close();
                    }
                    if (!holdLease()) {
                        waiter.pause(LEASE_RETRY.toMillis());
                        continue;
                    }
                    watched = true;
                    watch();
                    failures = 0;
                } catch (Throwable e) {
                    // Anything, an Error too: a worker thread that dies leaves its mailbox unread with nobody told.
                    // Out of memory (a huge message, a burst) is an outage like any other: the message was not
                    // flagged, so it is read again after the backoff, when the heap has been collected.
                    if (!running()) {
                        break;
                    }
                    if (handOver) {
                        continue;
                    }
                    failures = failuresAfter(failures, healthySince, parts.clock().instant());
                    failedAttempts++;
                    backOff(e, failures);
                }
            }
        }
        if (watched) {
            report("STOPPED", null); // a daemon that only stood by must not overwrite the watching one's state
        }
        log.info("mailbox {}: worker stopped", mailbox.name());
    }

    private boolean running() {
        return running && !Thread.currentThread().isInterrupted();
    }

    private void backOff(Throwable e, int failures) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        report("ERROR", message);
        String prefix = "mailbox " + mailbox.name() + ": ";
        prefix = message.startsWith(prefix) ? "" : prefix;
        Duration backoff = parts.settings().backoff(failures);
        log.warn("{}{} (attempt {}, retrying in {})", prefix, message, failures, backoff, expected(e) ? null : e);
        log.debug("mailbox {}: failure details", mailbox.name(), e);
        waiter.pause(backoff.toMillis());
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
        return e instanceof MessagingException || e instanceof IOException || e instanceof MailboxUnavailableException
                || e instanceof MessageFailedException; // logged with its stack trace where it failed
    }

    /** Asks the worker to stop after the message in flight; wakes it from IDLE or its poll sleep. */
    public void stop() {
        running = false;
        waiter.wake(current);
    }

    /**
     * Asks the worker to leave the mailbox after the message in flight and free its lease, so another
     * daemon can take it (load balancing); the worker then stands by like any daemon without the lease.
     */
    public void handOver() {
        handOver = true;
        waiter.wake(current);
    }

    /** Connects once, stores everything waiting, and disconnects: for tests, benchmarks and one-shot runs. */
    public void drainOnce() {
        try (var m = MDC.putCloseable("mailbox", mailbox.name())) {
            IMAPFolder folder = opener.open(mailbox);
            try {
                MailboxSession session = new MailboxSession(parts, folder, this::running);
                session.start();
                session.recover();
                session.fetchNew();
            } finally {
                close(folder);
            }
        } catch (MessagingException | IOException e) {
            throw new MailboxUnavailableException(mailbox.name(), MailFailures.classify(e), "mailbox "
                    + mailbox.name() + ": reading failed: " + e.getMessage(), e);
        }
    }

    /** One connection: store what is waiting, then wait for more, until stopped, handed over or disconnected. */
    private void watch() throws MessagingException, IOException {
        IMAPFolder folder = opener.open(mailbox);
        current = folder;
        try {
            MailboxSession session = new MailboxSession(parts, folder, this::running);
            session.start();
            report("CONNECTED", null);
            if (failedAttempts > 0) {
                log.info("mailbox {}: connected again after {} failed attempt(s)", mailbox.name(), failedAttempts);
                failedAttempts = 0;
            }
            session.recover();
            boolean idle = waiter.watch(folder);
            while (running() && !handOver && folder.isOpen()) {
                session.fetchNew();
                if (healthySince == null) {
                    healthySince = parts.clock().instant();
                }
                reportWatching(idle ? "IDLE" : "POLLING");
                // Its reply also announces the mail delivered meanwhile.
                MailboxSession.ServerStatus status = session.serverStatus();
                if (!session.newerThanCursor()) {
                    if (unannouncedMail(session, status)) {
                        return; // a new connection's SELECT sees what this one was never told
                    }
                    waiter.awaitMail(folder, idle);
                }
            }
        } finally {
            current = null;
            close(folder);
        }
    }

    /**
     * Whether the server holds mail past the cursor that this connection was never told about. A server that loses
     * an EXISTS announcement (GreenMail did, for mail that arrived while it expunged a MOVE: the mail then stayed
     * unread for as long as the connection lived, polling or IDLE alike) is caught here, before each wait, by asking
     * for the mailbox's UIDNEXT and message count. The connection's own count cannot tell (GreenMail's connection
     * kept counting the moved mail instead of the new one), but an empty mailbox has nothing to read, so a gap of UIDs
     * alone (mail moved or deleted before this daemon saw it: an emptied mailbox at start) does not reconnect. Each
     * UIDNEXT value leads to at most one reconnect, so mail that another client removed before we saw it cannot
     * cause one at every wait.
     */
    private boolean unannouncedMail(MailboxSession session, MailboxSession.ServerStatus status) {
        long next = status.uidNext();
        if (next - 1 <= session.lastUid() || status.messages() == 0 || next == reconnectedAtUidNext) {
            return false;
        }
        reconnectedAtUidNext = next;
        log.info("mailbox {}: the server holds {} message(s), up to UID {}, past what this connection was told about"
                + " (cursor {}); reconnecting to read them", mailbox.name(), status.messages(), next - 1,
                session.lastUid());
        return true;
    }

    /**
     * Records a watching state after a round of mail: when it changed, or when the one recorded is older than
     * {@link #STATE_REFRESH} (so {@code mailbox show}'s "last ok" stays fresh). Recording it after every wake-up cost
     * two statements and two commits per round, at live intake nearly one round per mail.
     */
    private void reportWatching(String state) {
        Instant now = parts.clock().instant();
        if (state.equals(reportedState) && reportedAt != null && now.isBefore(reportedAt.plus(STATE_REFRESH))) {
            return;
        }
        report(state, null);
    }

    /** Records the worker's state for {@code mailbox show}; never fails the worker. */
    private void report(String state, String error) {
        reportedState = null; // until it is written
        Instant now = parts.clock().instant();
        try {
            new MailboxRepository(parts.db().dsl()).reportState(mailbox.id(), state, error, now);
            reportedState = error == null ? state : null;
            reportedAt = now;
        } catch (RuntimeException | Error e) {
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
