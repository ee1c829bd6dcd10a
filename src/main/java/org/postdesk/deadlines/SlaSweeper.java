package org.postdesk.deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.sla.Deadline;
import org.postdesk.sla.SlaState;
import org.postdesk.sla.SlaTarget;
import org.postdesk.store.Database;
import org.postdesk.store.TicketSlaRepository;
import org.postdesk.store.TicketSlaRepository.NoticeKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The in-daemon SLA scheduler. Each run first replays a bounded batch of the tickets whose stored due times
 * are behind ({@link SlaCatchUp}: changed since their last replay, or marked stale by a calendar or policy
 * change; ingest and agents never wait for SLA work), then looks at the rows whose next check
 * has come (index on {@code next_check_at}: a run costs the tickets near a deadline, not all open ones),
 * and sends each warning and escalation whose claim on {@code sla_notice} it wins — exactly once per
 * ticket, target and cycle, also with several daemons on one database. Between runs it sleeps until the
 * soonest next check, at most {@link #every}, so a deadline is acted on at its instant.
 * State lives in the store, so a restart loses nothing.
 */
public final class SlaSweeper implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(SlaSweeper.class);
    private static final int BATCH = 500;
    private static final Duration MIN_WAIT = Duration.ofMillis(200);

    private final Database db;
    private final SlaCatchUp catchUp;
    private final Escalations escalations;
    private final Clock clock;
    private final Duration every;
    private final Object wake = new Object();
    private volatile boolean stopped;
    /** Set by {@link #wake()}, guarded by {@link #wake}: a wake during a run is not lost. */
    private boolean woken;
    private volatile SlaObserver observer = SlaObserver.NONE;

    public SlaSweeper(Database db, Escalations escalations, Clock clock, Duration every) {
        this.db = db;
        this.catchUp = new SlaCatchUp(db, BATCH);
        this.escalations = escalations;
        this.clock = clock;
        this.every = every;
    }

    /** Who is told of each notice sent (the daemon's metrics); set once while wiring. */
    public SlaSweeper observeWith(SlaObserver newObserver) {
        this.observer = newObserver;
        return this;
    }

    /** A notice this run sent, told to the observer once its transaction committed. */
    private record Sent(long mailboxId, SlaTarget target, NoticeKind kind) {
    }

    /**
     * What one run did: tickets replayed to catch up, tickets whose check had come, notices sent, and whether
     * a batch was full (more work waits, so the next run follows at once).
     */
    public record Run(int synced, int checked, int warnings, int breaches, boolean more) {
    }

    /** One run; safe to call from several threads or daemons at once. */
    public Run runOnce() {
        Instant now = clock.instant();
        SlaCatchUp.Progress synced = catchUp.run(now);
        int[] sent = new int[2];
        List<Long> due = new TicketSlaRepository(db.dsl()).dueForCheck(now, BATCH);
        for (long ticketId : due) {
            try (var m = MDC.putCloseable("ticket", String.valueOf(ticketId))) {
                for (Sent s : db.inTransaction(tx -> check(tx, ticketId, now))) {
                    sent[s.kind() == NoticeKind.WARNING ? 0 : 1]++;
                    observer.sent(s.mailboxId(), s.target(), s.kind());
                }
            }
        }
        return new Run(synced.replayed(), due.size(), sent[0], sent[1], synced.more() || due.size() == BATCH);
    }

    private List<Sent> check(DSLContext tx, long ticketId, Instant now) {
        List<Sent> sent = new ArrayList<>();
        Optional<SlaSync.Replayed> replayed = SlaSync.replay(tx, ticketId);
        if (replayed.isEmpty()) {
            return sent;
        }
        TicketSlaRepository repo = new TicketSlaRepository(tx);
        long mailboxId = replayed.get().ticket().mailboxId();
        for (Deadline d : replayed.get().clock().deadlines(now)) {
            if (d.state() == SlaState.WARNING && repo.claimNotice(ticketId, d.target(), d.cycle(), NoticeKind.WARNING, now)) {
                escalations.warn(tx, replayed.get(), d, now);
                sent.add(new Sent(mailboxId, d.target(), NoticeKind.WARNING));
            } else if (d.state() == SlaState.BREACHED
                    && repo.claimNotice(ticketId, d.target(), d.cycle(), NoticeKind.BREACH, now)) {
                escalations.breach(tx, replayed.get(), d, now);
                sent.add(new Sent(mailboxId, d.target(), NoticeKind.BREACH));
            }
        }
        // A breach may have raised the priority, and so changed the policy: replay again. A warning changes
        // nothing the clock reads, so its rows come from the replay above.
        if (sent.stream().anyMatch(s -> s.kind() == NoticeKind.BREACH)) {
            SlaSync.store(tx, ticketId, now);
        } else {
            SlaSync.store(tx, replayed.get(), now);
        }
        return sent;
    }

    @Override
    public void run() {
        boolean more = false;
        while (!stopped) {
            try {
                Run r = runOnce();
                if (r.warnings() + r.breaches() > 0) {
                    log.info("sla sweep: {} warning(s), {} escalation(s)", r.warnings(), r.breaches());
                }
                more = r.more();
            } catch (Exception e) {
                log.warn("sla sweep failed, retrying on the next round: {}", e.toString(), e);
                more = false;
            } catch (OutOfMemoryError e) {
                // An outage, as for the worker and the sender: a thread that died here would leave every deadline
                // unwatched for the rest of the daemon's life. The state lives in the store, so the next round does
                // what this one did not.
                log.error("sla sweep ran out of memory, retrying on the next round; raise the heap (POSTDESK_HEAP)"
                        + " if this repeats", e);
                more = false;
            }
            waitForNext(more);
        }
    }

    private void waitForNext(boolean more) {
        Duration wait = more ? MIN_WAIT : every;
        try {
            Optional<Instant> next = new TicketSlaRepository(db.dsl()).nextCheck();
            if (next.isPresent()) {
                Duration until = Duration.between(clock.instant(), next.get());
                wait = until.compareTo(wait) < 0 ? until : wait;
            }
        } catch (Exception | OutOfMemoryError e) {
            log.debug("cannot read the next SLA check, waiting {}: {}", every, e.toString());
        }
        if (wait.compareTo(MIN_WAIT) < 0) {
            wait = MIN_WAIT;
        }
        synchronized (wake) {
            try {
                if (!stopped && !woken) {
                    wake.wait(wait.toMillis());
                }
                woken = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
    }

    /**
     * Runs the next sweep now instead of at the soonest check or {@link #every}: for a caller that knows tickets
     * changed in bulk and wants their stored SLA state at once (the benchmark after a drain). Nothing relies on
     * it; without it the changes are caught up within {@link #every}.
     */
    public void wake() {
        synchronized (wake) {
            woken = true;
            wake.notifyAll();
        }
    }

    public void stop() {
        stopped = true;
        synchronized (wake) {
            wake.notifyAll();
        }
    }
}
