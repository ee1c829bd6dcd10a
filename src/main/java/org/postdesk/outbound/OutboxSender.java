package org.postdesk.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.postdesk.store.AttachmentContents;
import org.postdesk.store.ClaimedMail;
import org.postdesk.store.Database;
import org.postdesk.store.EventRepository;
import org.postdesk.store.OutboxItem;
import org.postdesk.store.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Sends due outbox rows until each is delivered or definitely refused, in three steps
 * (docs/ARCHITECTURE.md, "Transactions"): claim a batch of rows for {@link #CLAIM_FOR} in a short transaction,
 * send them over SMTP with no transaction open (a hanging SMTP server holds no lock and no connection), then
 * record the results in short transactions: a failure at once, a delivered mail at once or, with
 * {@code recordWithin}, together with the batch's others. Two
 * senders (or two daemons) never send a row at the same time; a crash between a send and its record leaves the
 * claim to run out, and the row is sent again with the same Message-ID. A ticket's mail leaves in the order it was
 * queued (the claim waits for earlier rows).
 * A row that carries stored attachments is written as it is sent, each attachment read from the store a
 * chunk at a time in short transactions of its own ({@link SplicedMail}).
 */
public final class OutboxSender implements Runnable {
    /**
     * How long a claimed row is left to its sender: far longer than one SMTP attempt can take (15 s to
     * connect, 60 s per read), so a slow send is never taken over and sent twice; after a crash, the row
     * waits this long before it is sent again.
     */
    public static final Duration CLAIM_FOR = Duration.ofMinutes(10);
    /** Rows claimed at once by default (outbox.batch-size): one claim and one record commit for them all. */
    public static final int DEFAULT_BATCH = 10;
    /**
     * How long mail the server accepted may wait by default to be recorded as sent together with the rest of its
     * batch (outbox.record-within): not at all. A crash between the server's acceptance and the record sends that
     * mail again, so recording each at once keeps "never answered twice" to at most one mail per sender thread
     * after a kill; an admin who wants the commits saved raises it and accepts up to a batch per sender.
     */
    public static final Duration DEFAULT_RECORD_WITHIN = Duration.ZERO;
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private final Database db;
    private final SmtpGateway gateway;
    private final RetryPolicy retry;
    private final OutboxSignal signal;
    private final Clock clock;
    private final Duration pollInterval;
    private final DeliveryFailureListener failures;
    private volatile boolean running = true;
    private final String claimPrefix;
    private final int batchSize;
    private final Duration recordWithin;

    public OutboxSender(Database db, SmtpGateway gateway, RetryPolicy retry, OutboxSignal signal, Clock clock,
                        Duration pollInterval) {
        this(db, gateway, retry, signal, clock, pollInterval, DeliveryFailureListener.NONE);
    }

    /** {@code failures} hears of every mail given up on. */
    public OutboxSender(Database db, SmtpGateway gateway, RetryPolicy retry, OutboxSignal signal, Clock clock,
                        Duration pollInterval, DeliveryFailureListener failures) {
        this(db, gateway, retry, signal, clock, pollInterval, failures, "");
    }

    /**
     * {@code daemonId} (empty: none) prefixes every claim token, so that the claims of a daemon that died are
     * freed as soon as the others see it dead ({@code OutboxRepository.releaseClaimsOfDeadDaemons}) instead
     * of after {@link #CLAIM_FOR}.
     */
    public OutboxSender(Database db, SmtpGateway gateway, RetryPolicy retry, OutboxSignal signal, Clock clock,
                        Duration pollInterval, DeliveryFailureListener failures, String daemonId) {
        this(db, gateway, retry, signal, clock, pollInterval, failures, daemonId, DEFAULT_BATCH, DEFAULT_RECORD_WITHIN);
    }

    /**
     * {@code batchSize} rows (at least 1) are claimed at once; mail the server accepted is recorded as sent together
     * with the rest of the batch's accepted mail once the oldest of it has waited {@code recordWithin} (zero: each at
     * once), and always when the batch is done.
     */
    public OutboxSender(Database db, SmtpGateway gateway, RetryPolicy retry, OutboxSignal signal, Clock clock,
                        Duration pollInterval, DeliveryFailureListener failures, String daemonId, int batchSize,
                        Duration recordWithin) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("outbox batch size must be at least 1, not " + batchSize);
        }
        if (recordWithin.isNegative()) {
            throw new IllegalArgumentException("outbox record-within must not be negative, not " + recordWithin);
        }
        this.batchSize = batchSize;
        this.recordWithin = recordWithin;
        this.claimPrefix = daemonId.isEmpty() ? "" : daemonId + ":";
        this.failures = failures;
        this.db = db;
        this.gateway = gateway;
        this.retry = retry;
        this.signal = signal;
        this.clock = clock;
        this.pollInterval = pollInterval;
    }

    @Override
    public void run() {
        while (running && !Thread.currentThread().isInterrupted()) {
            long seen = signal.seen();
            try {
                while (running && sendNext()) {
                    // keep draining while rows are due
                }
            } catch (Exception e) {
                log.warn("outbox pass failed, retrying in {}: {}", pollInterval, e.toString(), e);
            } catch (OutOfMemoryError e) {
                // An outage, not a verdict on the mail: the thread lives on, and the row being sent is sent
                // again once its lease runs out (stored attachments are streamed, so this needs a heap
                // already nearly full from elsewhere).
                log.error("outbox pass ran out of memory, retrying in {}; raise the heap (POSTDESK_HEAP) if"
                        + " this repeats", pollInterval, e);
            }
            if (running) {
                gateway.closeIdle();
                signal.await(seen, pollInterval);
            }
        }
    }

    public void stop() {
        running = false;
        signal.wake();
    }

    /**
     * Claims up to {@code batchSize} due rows in one transaction, sends each in turn, and records the sent ones
     * together ({@link SentMarks}); false when none is due. A mail that fails is recorded on its own, as before,
     * and the rest of the batch goes on; when its mailbox's server is down, the batch's other mail of that
     * mailbox is given back to wait for the same retry. A send starts only while half of the lease is left, so no
     * other sender can take a row of the batch over while it may still be on the wire; rows not sent (the lease
     * ran short, the sender stops, or a store failure escaped) are given back at once, not left to their lease.
     * An Error (memory exhausted; a simulated kill in the tests) records nothing, as a kill would not: the batch
     * stays claimed and is sent again once the claim is freed.
     */
    public boolean sendNext() {
        Instant now = clock.instant();
        Instant until = now.plus(CLAIM_FOR);
        String token = claimPrefix + UUID.randomUUID();
        List<ClaimedMail> claimed = db.inTransaction(tx -> new OutboxRepository(tx).claim(now, until, token,
                batchSize));
        if (claimed.isEmpty()) {
            return false;
        }
        Batch batch = new Batch(new ArrayDeque<>(claimed), new SentMarks(db, clock, recordWithin), new HashMap<>(),
                new ArrayList<>());
        try {
            sendAll(batch, until);
        } catch (RuntimeException e) {
            giveBack(batch, e);
            throw e;
        }
        giveBack(batch, null);
        return true;
    }

    /** A claimed batch as it is sent: rows not tried yet, accepted mail, mailboxes found down and their rows. */
    private record Batch(Deque<ClaimedMail> left, SentMarks sent, Map<Long, Instant> downUntil,
                         List<ClaimedMail> postponed) {
    }

    private void sendAll(Batch batch, Instant until) {
        while (!batch.left().isEmpty() && running && !clock.instant().plus(CLAIM_FOR.dividedBy(2)).isAfter(until)) {
            ClaimedMail claim = batch.left().poll();
            long mailbox = claim.item().mailboxId();
            if (batch.downUntil().containsKey(mailbox)) {
                batch.postponed().add(claim);
            } else if (attempt(claim, batch.sent())) {
                batch.downUntil().put(mailbox, clock.instant().plus(retry.delayAfter(claim.item().attempts() + 1)));
            }
            batch.sent().recordIfDue();
        }
    }

    /**
     * Records the accepted mail and gives back the rest; when {@code failure} is on its way out, a failure to do
     * so is added to it (the rows then wait for their lease) instead of hiding it.
     */
    private void giveBack(Batch batch, RuntimeException failure) {
        try {
            batch.sent().record();
            List<ClaimedMail> unsent = List.copyOf(batch.left());
            if (!unsent.isEmpty() || !batch.postponed().isEmpty()) {
                db.inTransactionRun(tx -> {
                    OutboxRepository outbox = new OutboxRepository(tx);
                    outbox.release(unsent, null);
                    batch.postponed().stream().collect(Collectors.groupingBy(c -> c.item().mailboxId()))
                            .forEach((mailbox, rows) -> outbox.release(rows, batch.downUntil().get(mailbox)));
                });
            }
        } catch (RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
        }
    }

    /** Sends one claimed row; a failure is recorded at once. True when its mailbox's server is unavailable. */
    private boolean attempt(ClaimedMail claim, SentMarks sent) {
        OutboxItem item = claim.item();
        try (var o = MDC.putCloseable("outbox", String.valueOf(item.id()));
             var m = MDC.putCloseable("mailbox", claim.mailboxName());
             var t = MDC.putCloseable("ticket", claim.ticketNumber() == null ? "" : claim.ticketNumber())) {
            int attempts = item.attempts() + 1;
            try {
                if (claim.splices().isEmpty()) {
                    gateway.send(item.mailboxId(), item.sender(), item.recipients(), item.raw());
                } else {
                    gateway.send(item.mailboxId(), item.sender(), item.recipients(),
                            new SplicedMail(item.raw(), claim.splices(), new AttachmentContents(db)));
                }
            } catch (DeliveryException e) {
                boolean down = !e.permanent() && serverUnavailable(e);
                record(claim, tx -> failed(tx, claim, attempts, e.permanent(), e.getMessage(), down));
                return down;
            } catch (RuntimeException e) {
                record(claim, tx -> failed(tx, claim, attempts, false, e.toString(), false));
                return false;
            }
            sent.accepted(claim);
            return false;
        }
    }

    /** Runs {@code step} in a short transaction of its own; warns when the claim was no longer this sender's. */
    private void record(ClaimedMail claim, Function<DSLContext, Boolean> step) {
        if (!db.inTransaction(step)) {
            warnClaimLost(claim.item());
        }
    }

    static void warnClaimLost(OutboxItem item) {
        log.warn("outbox {}: the claim ran out before the result was recorded (the attempt took longer than {});"
                + " another sender has the mail now and it may arrive twice, with the same Message-ID",
                item.id(), CLAIM_FOR);
    }

    /**
     * The server, not this message, is the problem: no SMTP reply at all (connection, TLS or login failed)
     * or 421 (service not available).
     */
    private static boolean serverUnavailable(DeliveryException e) {
        return e.smtpCode() == -1 || e.smtpCode() == 421;
    }

    /** The mailbox's other due mail waits for the same retry instead of blocking other mailboxes' mail. */
    private void postponeMailbox(DSLContext tx, ClaimedMail claim, Instant now) {
        OutboxItem item = claim.item();
        Instant until = now.plus(retry.delayAfter(item.attempts() + 1));
        int moved = new OutboxRepository(tx).postponeMailbox(item.mailboxId(), now, until, item.id());
        if (moved > 0) {
            log.warn("outbox: SMTP server of mailbox {} unavailable; {} more queued mail(s) wait until {}",
                    claim.mailboxName(), moved, until);
        }
    }

    private boolean failed(DSLContext tx, ClaimedMail claim, int attempts, boolean permanent, String error,
                           boolean serverDown) {
        OutboxItem item = claim.item();
        OutboxRepository outbox = new OutboxRepository(tx);
        Instant now = clock.instant();
        if (permanent || retry.expired(item.createdAt(), now)) {
            String why = permanent ? "refused" : "still failing after " + retry.giveUpAfter();
            if (!outbox.markFailed(claim, attempts, error)) {
                return false;
            }
            log.error("outbox {}: giving up on {} to {} after {} attempts ({}): {}", item.id(), item.kind(),
                    item.recipients(), attempts, why, error);
            if (item.ticketId() != null) {
                new EventRepository(tx).record(item.ticketId(), now, "postdesk", "delivery-failed",
                        item.kind() + " to " + String.join(", ", item.recipients()) + " " + why + ": " + error);
            }
            failures.gaveUp(tx, item, why + ": " + error, now);
            return true;
        }
        Duration delay = retry.delayAfter(attempts);
        if (!outbox.reschedule(claim, attempts, now.plus(delay), error)) {
            return false;
        }
        log.warn("outbox {}: attempt {} of {} to {} failed, retry in {}: {}", item.id(), attempts, item.kind(),
                item.recipients(), delay, error);
        if (serverDown) {
            postponeMailbox(tx, claim, now);
        }
        return true;
    }
}
