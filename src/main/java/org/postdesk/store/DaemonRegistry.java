package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.DAEMON;
import static org.postdesk.store.db.Tables.MAILBOX_STATE;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.postdesk.store.db.tables.records.DaemonRecord;

/**
 * The daemons sharing this store and which of them watches each mailbox. A daemon counts as live while
 * its heartbeat is younger than {@link #LIVENESS}; the hosts' clocks must agree to within a few seconds (NTP).
 */
public final class DaemonRegistry {
    /** A daemon that has not beaten for this long is taken for gone, and its share handed to the others. */
    public static final Duration LIVENESS = Duration.ofSeconds(20);

    private final DSLContext dsl;

    public DaemonRegistry(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Writes the daemon's row at start; rows of daemons gone for long are swept out on the way. */
    public void register(DaemonInfo d) {
        dsl.deleteFrom(DAEMON).where(DAEMON.HEARTBEAT_AT.lt(toDb(d.startedAt().minus(LIVENESS.multipliedBy(30)))))
                .execute();
        dsl.insertInto(DAEMON).set(DAEMON.ID, d.id()).set(DAEMON.HOST, d.host()).set(DAEMON.PID, d.pid())
                .set(DAEMON.STARTED_AT, toDb(d.startedAt())).set(DAEMON.HEARTBEAT_AT, toDb(d.heartbeatAt()))
                .onConflictDoNothing().execute();
    }

    /** Refreshes the heartbeat; writes the row again if someone swept it out while this daemon was cut off. */
    public void heartbeat(DaemonInfo d, Instant at) {
        int updated = dsl.update(DAEMON).set(DAEMON.HEARTBEAT_AT, toDb(at)).where(DAEMON.ID.eq(d.id())).execute();
        if (updated == 0) {
            register(new DaemonInfo(d.id(), d.host(), d.pid(), d.startedAt(), at));
        }
    }

    /** Removes the daemon at a clean stop, so the others take its mailboxes at once instead of after {@link #LIVENESS}. */
    public void deregister(String daemonId) {
        dsl.update(MAILBOX_STATE).setNull(MAILBOX_STATE.DAEMON_ID).where(MAILBOX_STATE.DAEMON_ID.eq(daemonId)).execute();
        dsl.deleteFrom(DAEMON).where(DAEMON.ID.eq(daemonId)).execute();
    }

    /** The daemons whose heartbeat is younger than {@link #LIVENESS} at {@code now}, oldest first. */
    public List<DaemonInfo> live(Instant now) {
        return dsl.selectFrom(DAEMON).where(DAEMON.HEARTBEAT_AT.gt(toDb(now.minus(LIVENESS))))
                .orderBy(DAEMON.STARTED_AT, DAEMON.ID).fetch(DaemonRegistry::toInfo);
    }

    /** Records that {@code daemonId} now holds the mailbox's lease. */
    public void watch(long mailboxId, String daemonId) {
        dsl.insertInto(MAILBOX_STATE).set(MAILBOX_STATE.MAILBOX_ID, mailboxId).onConflictDoNothing().execute();
        dsl.update(MAILBOX_STATE).set(MAILBOX_STATE.DAEMON_ID, daemonId).where(MAILBOX_STATE.MAILBOX_ID.eq(mailboxId))
                .execute();
    }

    /** Clears the watcher, but only if it is still {@code daemonId}: the next holder may already have written itself. */
    public void unwatch(long mailboxId, String daemonId) {
        dsl.update(MAILBOX_STATE).setNull(MAILBOX_STATE.DAEMON_ID)
                .where(MAILBOX_STATE.MAILBOX_ID.eq(mailboxId).and(MAILBOX_STATE.DAEMON_ID.eq(daemonId))).execute();
    }

    /** Mailbox id → the daemon recorded as watching it, for every mailbox with one (live or not). */
    public Map<Long, DaemonInfo> watchers() {
        return dsl.select(MAILBOX_STATE.MAILBOX_ID, DAEMON.asterisk()).from(MAILBOX_STATE)
                .join(DAEMON).on(DAEMON.ID.eq(MAILBOX_STATE.DAEMON_ID))
                .fetchMap(r -> r.get(MAILBOX_STATE.MAILBOX_ID), r -> toInfo(r.into(DAEMON)));
    }

    private static DaemonInfo toInfo(DaemonRecord r) {
        return new DaemonInfo(r.getId(), r.getHost(), r.getPid(), fromDb(r.getStartedAt()), fromDb(r.getHeartbeatAt()));
    }
}
