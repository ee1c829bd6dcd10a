package org.postdesk.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
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
 * (docs/ARCHITECTURE.md, "Transactions"): claim a row for {@link #CLAIM_FOR} in a short transaction, send it
 * over SMTP with no transaction open (a hanging SMTP server holds no lock and no connection), then record
 * the result in another short transaction. Two senders (or two daemons) never send a row at the same time;
 * a crash between the send and the record leaves the claim to run out, and the row is sent again with the
 * same Message-ID. A ticket's mail leaves in the order it was queued (the claim waits for earlier rows).
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
                // An outage, not a verdict on the mail: the thread lives on, and the claimed row is sent
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

    /** Claims, sends and records one due row; false when none is due. */
    public boolean sendNext() {
        Instant now = clock.instant();
        String token = claimPrefix + UUID.randomUUID();
        Optional<ClaimedMail> claimed = db.inTransaction(tx -> new OutboxRepository(tx).claim(now,
                now.plus(CLAIM_FOR), token));
        claimed.ifPresent(this::attempt);
        return claimed.isPresent();
    }

    private void attempt(ClaimedMail claim) {
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
                record(claim, tx -> failed(tx, claim, attempts, e.permanent(), e.getMessage(),
                        !e.permanent() && serverUnavailable(e)));
                return;
            } catch (RuntimeException e) {
                record(claim, tx -> failed(tx, claim, attempts, false, e.toString(), false));
                return;
            }
            record(claim, tx -> {
                boolean recorded = new OutboxRepository(tx).markSent(claim, attempts, clock.instant());
                if (recorded) {
                    log.info("outbox {}: {} {} delivered to {} (attempt {})", item.id(), item.kind(),
                            item.messageId(), item.recipients(), attempts);
                }
                return recorded;
            });
        }
    }

    /** Runs {@code step} in a short transaction of its own; warns when the claim was no longer this sender's. */
    private void record(ClaimedMail claim, Function<DSLContext, Boolean> step) {
        if (!db.inTransaction(step)) {
            log.warn("outbox {}: the claim ran out before the result was recorded (the attempt took longer than {});"
                    + " another sender has the mail now and it may arrive twice, with the same Message-ID",
                    claim.item().id(), CLAIM_FOR);
        }
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
