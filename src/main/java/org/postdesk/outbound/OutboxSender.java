package org.postdesk.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.store.Database;
import org.postdesk.store.EventRepository;
import org.postdesk.store.OutboxItem;
import org.postdesk.store.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Sends due outbox rows until each is delivered or definitely refused. A row is claimed with a row
 * lock for the length of one attempt, so two senders (or two daemons) never send it at the same time;
 * a crash mid-send leaves it pending and it is sent again with the same Message-ID.
 */
public final class OutboxSender implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private final Database db;
    private final SmtpGateway gateway;
    private final RetryPolicy retry;
    private final OutboxSignal signal;
    private final Clock clock;
    private final Duration pollInterval;
    private final DeliveryFailureListener failures;
    private volatile boolean running = true;

    public OutboxSender(Database db, SmtpGateway gateway, RetryPolicy retry, OutboxSignal signal, Clock clock,
                        Duration pollInterval) {
        this(db, gateway, retry, signal, clock, pollInterval, DeliveryFailureListener.NONE);
    }

    /** {@code failures} hears of every mail given up on. */
    public OutboxSender(Database db, SmtpGateway gateway, RetryPolicy retry, OutboxSignal signal, Clock clock,
                        Duration pollInterval, DeliveryFailureListener failures) {
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

    /** Claims and attempts one due row; false when none is due. */
    public boolean sendNext() {
        return db.inTransaction(tx -> {
            Optional<OutboxItem> due = new OutboxRepository(tx).claimDue(clock.instant());
            due.ifPresent(item -> attempt(tx, item));
            return due.isPresent();
        });
    }

    private void attempt(DSLContext tx, OutboxItem item) {
        try (var o = MDC.putCloseable("outbox", String.valueOf(item.id()))) {
            OutboxRepository outbox = new OutboxRepository(tx);
            int attempts = item.attempts() + 1;
            Instant now = clock.instant();
            try {
                gateway.send(item.mailboxId(), item.sender(), item.recipients(), item.raw());
                outbox.markSent(item.id(), attempts, now);
                log.info("outbox {}: {} {} delivered to {} (attempt {})", item.id(), item.kind(), item.messageId(),
                        item.recipients(), attempts);
            } catch (DeliveryException e) {
                failed(tx, item, attempts, now, e.permanent(), e.getMessage());
                if (!e.permanent() && serverUnavailable(e)) {
                    postponeMailbox(tx, item, now);
                }
            } catch (RuntimeException e) {
                failed(tx, item, attempts, now, false, e.toString());
            }
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
    private void postponeMailbox(DSLContext tx, OutboxItem item, Instant now) {
        Instant until = now.plus(retry.delayAfter(item.attempts() + 1));
        int moved = new OutboxRepository(tx).postponeMailbox(item.mailboxId(), until, item.id());
        if (moved > 0) {
            log.warn("outbox: SMTP server of mailbox id {} unavailable; {} more queued mail(s) wait until {}",
                    item.mailboxId(), moved, until);
        }
    }

    private void failed(DSLContext tx, OutboxItem item, int attempts, Instant now, boolean permanent, String error) {
        OutboxRepository outbox = new OutboxRepository(tx);
        if (permanent || retry.expired(item.createdAt(), now)) {
            String why = permanent ? "refused" : "still failing after " + retry.giveUpAfter();
            outbox.markFailed(item.id(), attempts, error);
            log.error("outbox {}: giving up on {} to {} after {} attempts ({}): {}", item.id(), item.kind(),
                    item.recipients(), attempts, why, error);
            if (item.ticketId() != null) {
                new EventRepository(tx).record(item.ticketId(), now, "postdesk", "delivery-failed",
                        item.kind() + " to " + String.join(", ", item.recipients()) + " " + why + ": " + error);
            }
            failures.gaveUp(tx, item, why + ": " + error, now);
            return;
        }
        Duration delay = retry.delayAfter(attempts);
        outbox.reschedule(item.id(), attempts, now.plus(delay), error);
        log.warn("outbox {}: attempt {} of {} to {} failed, retry in {}: {}", item.id(), attempts, item.kind(),
                item.recipients(), delay, error);
    }
}
