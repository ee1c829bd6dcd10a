package org.postdesk.store;

import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.MAILBOX;
import static org.postdesk.store.db.Tables.REPORT_DIGEST;

import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/** The weekly digest's settings and its once-per-period claims (issue 12). */
public final class DigestRepository {
    private final DSLContext dsl;

    public DigestRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A mailbox whose digest is on: its id, name and schedule ({@code MON 08:00}). */
    public record Scheduled(long mailboxId, String name, String schedule) {
    }

    public List<Scheduled> scheduled() {
        return dsl.select(MAILBOX.ID, MAILBOX.NAME, MAILBOX.REPORT_DIGEST).from(MAILBOX)
                .where(MAILBOX.REPORT_DIGEST.isNotNull()).and(MAILBOX.ENABLED.isTrue()).orderBy(MAILBOX.ID)
                .fetch(r -> new Scheduled(r.value1(), r.value2(), r.value3()));
    }

    /** Sets the schedule, or with null turns the digest off. */
    public void setSchedule(long mailboxId, String scheduleOrNull) {
        dsl.update(MAILBOX).set(MAILBOX.REPORT_DIGEST, scheduleOrNull).where(MAILBOX.ID.eq(mailboxId)).execute();
    }

    public String schedule(long mailboxId) {
        return dsl.select(MAILBOX.REPORT_DIGEST).from(MAILBOX).where(MAILBOX.ID.eq(mailboxId)).fetchOne(MAILBOX.REPORT_DIGEST);
    }

    /** Whether the period starting at {@code periodStart} was claimed already. */
    public boolean claimed(long mailboxId, Instant periodStart) {
        return dsl.fetchExists(dsl.selectOne().from(REPORT_DIGEST).where(REPORT_DIGEST.MAILBOX_ID.eq(mailboxId))
                .and(REPORT_DIGEST.PERIOD_START.eq(toDb(periodStart))));
    }

    /**
     * Claims the period starting at {@code periodStart} for this mailbox; false when it was claimed before (by this
     * daemon before a restart, or by another daemon): the primary key makes the digest go out once per period.
     */
    public boolean claim(long mailboxId, Instant periodStart, String sentTo, Instant now) {
        return dsl.insertInto(REPORT_DIGEST).set(REPORT_DIGEST.MAILBOX_ID, mailboxId)
                .set(REPORT_DIGEST.PERIOD_START, toDb(periodStart)).set(REPORT_DIGEST.SENT_TO, sentTo)
                .set(REPORT_DIGEST.QUEUED_AT, toDb(now)).onConflictDoNothing().execute() == 1;
    }
}
