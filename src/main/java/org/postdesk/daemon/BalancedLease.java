package org.postdesk.daemon;

import java.time.Instant;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mailbox's lease that is taken only while the daemon is within its share ({@link Balancer}) and that
 * records in the store which daemon holds it, for {@code mailbox list} and the health check.
 */
final class BalancedLease implements MailboxLease {
    private static final Logger log = LoggerFactory.getLogger(BalancedLease.class);

    private final Balancer balancer;
    private final MailboxLease lease;
    private final Mailbox mailbox;
    /** Tells the worker to leave the mailbox; set once the worker exists. */
    private volatile Runnable handOver = () -> { };
    private volatile boolean held;
    private volatile boolean handingOver;
    private volatile Instant heldSince = Instant.MIN;

    BalancedLease(Balancer balancer, MailboxLease lease, Mailbox mailbox) {
        this.balancer = balancer;
        this.lease = lease;
        this.mailbox = mailbox;
    }

    /** What asks the lease's worker to leave the mailbox (its {@code handOver()}). */
    void onHandOver(Runnable action) {
        this.handOver = action;
    }

    @Override
    public boolean tryAcquire() {
        if (held) {
            held = lease.tryAcquire(); // false only if the lock connection was lost and another daemon took it
            return held;
        }
        synchronized (balancer) { // two of this daemon's workers must not both take the last place in the share
            if (balancer.full() || !lease.tryAcquire()) {
                return false;
            }
            held = true;
            handingOver = false;
            heldSince = balancer.now();
        }
        record(true);
        return true;
    }

    /** Frees the lock; the worker calls it after leaving the mailbox (hand-over) and when it stops. */
    @Override
    public void close() {
        lease.close();
        if (held) {
            held = false;
            record(false);
        }
    }

    /** From now on the lease no longer counts against the share; call with the balancer's lock held. */
    void markHandingOver() {
        handingOver = true;
        log.info("mailbox {}: handing over to a daemon with room in its share", mailbox.name());
    }

    /** Asks the worker (again) to leave the mailbox and free the lease for a daemon with room in its share. */
    void handOver() {
        handOver.run();
    }

    boolean countsAgainstShare() {
        return held && !handingOver;
    }

    /** Marked for hand-over and not yet freed. */
    boolean leaving() {
        return held && handingOver;
    }

    Instant heldSince() {
        return heldSince;
    }

    private void record(boolean watching) {
        try {
            if (watching) {
                balancer.registry().watch(mailbox.id(), balancer.self().id());
            } else {
                balancer.registry().unwatch(mailbox.id(), balancer.self().id());
            }
        } catch (RuntimeException e) {
            log.warn("mailbox {}: cannot record which daemon watches it: {}", mailbox.name(), e.toString());
        }
    }
}
