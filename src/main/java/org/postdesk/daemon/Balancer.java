package org.postdesk.daemon;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.postdesk.store.Database;
import org.postdesk.store.DaemonInfo;
import org.postdesk.store.DaemonRegistry;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.OutboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares the enabled mailboxes evenly among the live daemons on one store: with M mailboxes and D daemons
 * each holds at most ⌈M/D⌉ leases. A daemon over its share hands the excess over (its worker leaves the
 * mailbox, then frees the lease); a daemon under it takes free leases. The lease itself (an advisory lock
 * on PostgreSQL) stays the only guard against two daemons reading one mailbox; the share only decides who
 * tries. Every {@link #beat()} refreshes this daemon's heartbeat and recomputes the share.
 */
final class Balancer {
    private static final Logger log = LoggerFactory.getLogger(Balancer.class);

    private final Database db;
    private final Clock clock;
    /** Told when mail of a dead daemon is free again, so that it goes now and not at the senders' next poll. */
    private final Runnable wakeOutbox;
    private final DaemonInfo self;
    private final Map<Long, BalancedLease> leases = new ConcurrentHashMap<>();
    /** This daemon's share; until the first beat, every mailbox. */
    private volatile int share = Integer.MAX_VALUE;

    Balancer(Database db, Clock clock, Runnable wakeOutbox) {
        this.db = db;
        this.clock = clock;
        this.wakeOutbox = wakeOutbox;
        Instant now = clock.instant();
        this.self = new DaemonInfo(UUID.randomUUID().toString(), hostName(), ProcessHandle.current().pid(), now, now);
    }

    DaemonInfo self() {
        return self;
    }

    /** Writes this daemon into the registry and computes its first share, before any worker starts. */
    void register() {
        new DaemonRegistry(db.dsl()).register(self);
        beat();
    }

    /** The lease a worker for {@code mailbox} uses: the store's lease, taken only within this daemon's share. */
    BalancedLease lease(Mailbox mailbox) {
        BalancedLease lease = new BalancedLease(this, db.mailboxLease(mailbox.id()), mailbox);
        leases.put(mailbox.id(), lease);
        return lease;
    }

    /** The worker of this mailbox stopped for good (removed, disabled, changed, daemon stopping). */
    void forget(long mailboxId) {
        leases.remove(mailboxId);
    }

    /** Whether one more lease would take this daemon past its share. */
    boolean full() {
        return counted() >= share;
    }

    /** Heartbeat, new share, and the hand-over of whatever is now past the share. */
    void beat() {
        Instant now = clock.instant();
        DaemonRegistry registry = new DaemonRegistry(db.dsl());
        registry.heartbeat(self, now);
        List<DaemonInfo> live = registry.live(now);
        int daemons = Math.max(1, live.size());
        releaseClaimsOfTheDead(live, now);
        int mailboxes = new MailboxRepository(db.dsl()).listEnabled().size();
        int newShare = Math.max(1, (mailboxes + daemons - 1) / daemons);
        if (newShare != share) {
            log.info("{} mailbox(es) over {} live daemon(s): this daemon watches at most {}", mailboxes, daemons,
                    newShare);
        }
        share = newShare;
        handOverExcess();
    }

    /** Mail a dead daemon had claimed is sent by the live ones now, not when its ten-minute lease ends. */
    private void releaseClaimsOfTheDead(List<DaemonInfo> live, Instant now) {
        Set<String> liveIds = live.stream().map(DaemonInfo::id).collect(Collectors.toSet());
        liveIds.add(self.id());
        int freed = new OutboxRepository(db.dsl()).releaseClaimsOfDeadDaemons(liveIds, now);
        if (freed > 0) {
            log.info("outbox: {} mail(s) claimed by a daemon that stopped without finishing are sent again now"
                    + " (with the same Message-ID)", freed);
            wakeOutbox.run();
        }
    }

    /** Hands over the most recently taken leases first, so long-held mailboxes stay where they are. */
    private void handOverExcess() {
        List<BalancedLease> leaving;
        synchronized (this) { // the same lock a lease takes to join the share
            List<BalancedLease> held = leases.values().stream().filter(BalancedLease::countsAgainstShare)
                    .sorted(Comparator.comparing(BalancedLease::heldSince).reversed()).collect(Collectors.toList());
            held.subList(0, Math.max(0, held.size() - share)).forEach(BalancedLease::markHandingOver);
            // Also those marked before and not yet freed: a nudge can reach a worker just before it enters IDLE.
            leaving = leases.values().stream().filter(BalancedLease::leaving).collect(Collectors.toList());
        }
        leaving.forEach(BalancedLease::handOver); // outside the lock: it ends the worker's IDLE over the network
    }

    /** The leases held and not being handed over. */
    private int counted() {
        return (int) leases.values().stream().filter(BalancedLease::countsAgainstShare).count();
    }

    /** Gives up the registry row at a clean stop, so the others take this daemon's mailboxes at once. */
    void deregister() {
        new DaemonRegistry(db.dsl()).deregister(self.id());
    }

    DaemonRegistry registry() {
        return new DaemonRegistry(db.dsl());
    }

    Instant now() {
        return clock.instant();
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return env != null && !env.isBlank() ? env : "unknown-host";
        }
    }
}
