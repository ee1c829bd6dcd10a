package org.postdesk.deadlines;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.postdesk.store.Database;
import org.postdesk.store.SlaMarks;
import org.postdesk.store.TicketSlaRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Brings the stored SLA state up to the tickets, a bounded batch at a time in short transactions of up to
 * {@value #CHUNK} tickets, so neither ingest nor the sweeper's own deadlines wait for it: the tickets marked stale by
 * a calendar or policy change, then the tickets whose {@code updated_at} is not the one their last replay read
 * ({@link SlaMarks#behind}). A ticket already replayed, the sweeper's own writes included, costs a lookup, not
 * a replay; the first start on a store that was never swept replays every ticket over as many runs as it takes.
 *
 * <p>A chunk shares its reads and its commit (issue 16: during a backlog drain every stored message puts its ticket
 * behind, and a transaction per ticket made the sweeper a seventh of the daemon's CPU). A chunk that fails is
 * replayed again one ticket per transaction, so one bad ticket holds up only itself.
 */
public final class SlaCatchUp {
    private static final Logger log = LoggerFactory.getLogger(SlaCatchUp.class);
    /**
     * How far before the last catch-up the scan of changed tickets starts: a transaction that stamped
     * {@code updated_at} and committed up to this long later is still seen. It costs an index range, not replays.
     */
    static final Duration COMMIT_SLACK = Duration.ofMinutes(15);
    /** Tickets a command replays itself; more are left, marked, to the daemon's sweeper. */
    public static final int COMMAND_LIMIT = 1000;
    private static final int COMMAND_BATCH = 100;
    /** Tickets replayed in one transaction by the sweeper. */
    static final int CHUNK = 100;

    private final Database db;
    private final int batch;

    SlaCatchUp(Database db, int batch) {
        this.db = db;
        this.batch = batch;
    }

    /** What one catch-up did; {@code more} when a batch was full and the next run should follow at once. */
    record Progress(int replayed, boolean more) {
    }

    Progress run(Instant now) {
        SlaMarks marks = new SlaMarks(db.dsl());
        TicketSlaRepository sync = new TicketSlaRepository(db.dsl());
        List<Long> stale = marks.stale(batch);
        List<Long> behind = marks.behind(sync.syncedUntil().map(s -> s.minus(COMMIT_SLACK)).orElse(null), batch);
        Set<Long> ids = new LinkedHashSet<>(stale);
        ids.addAll(behind);
        boolean failed = false;
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            failed |= !replay(all.subList(from, Math.min(all.size(), from + CHUNK)), now);
        }
        // Only a complete pass moves the scan on; a failed or cut-short one is scanned again next run.
        if (!failed && behind.size() < batch) {
            sync.setSyncedUntil(now);
        }
        return new Progress(ids.size(), stale.size() == batch || behind.size() == batch);
    }

    /** Replays {@code ticketIds} in one transaction, or, when that fails, each in its own; false if any failed. */
    private boolean replay(List<Long> ticketIds, Instant now) {
        // Ascending ids: two daemons' sweepers lock the rows of a chunk in the same order, so they never deadlock.
        List<Long> ordered = ticketIds.stream().sorted().toList();
        try {
            db.inTransactionRun(tx -> SlaSync.storeAll(tx, ordered, now));
            return true;
        } catch (RuntimeException e) {
            log.debug("cannot replay the SLA clocks of {} tickets together, one at a time instead: {}", ordered.size(),
                    e.toString(), e);
        }
        boolean done = true;
        for (long id : ordered) {
            done &= replay(id, now);
        }
        return done;
    }

    private boolean replay(long ticketId, Instant now) {
        try (var m = MDC.putCloseable("ticket", String.valueOf(ticketId))) {
            db.inTransactionRun(tx -> SlaSync.store(tx, ticketId, now));
            return true;
        } catch (RuntimeException e) {
            log.warn("cannot replay the SLA clocks of ticket {}, retrying on the next round: {}", ticketId, e.toString(), e);
            return false;
        }
    }

    /** What a command recomputed itself and what it left to the sweeper. */
    public record Drained(int recomputed, int left) {
    }

    /**
     * Replays the mailbox's stale tickets in batches of {@value #COMMAND_BATCH} per transaction, at most
     * {@code max}; the rest stay marked for the sweeper (an interrupted command loses nothing either).
     */
    public static Drained drain(Database db, long mailboxId, Instant now, int max) {
        int done = 0;
        while (done < max) {
            int room = Math.min(COMMAND_BATCH, max - done);
            int n = db.inTransaction(tx -> {
                List<Long> ids = new SlaMarks(tx).stale(mailboxId, room);
                SlaSync.storeAll(tx, ids, now);
                return ids.size();
            });
            done += n;
            if (n < room) {
                break;
            }
        }
        return new Drained(done, new SlaMarks(db.dsl()).staleCount(mailboxId));
    }

    /** Marks the mailbox's open tickets stale in {@code tx} (with the change that made them so); returns how many. */
    public static int markStale(DSLContext tx, long mailboxId, Instant now) {
        return new SlaMarks(tx).markStale(mailboxId, now);
    }
}
