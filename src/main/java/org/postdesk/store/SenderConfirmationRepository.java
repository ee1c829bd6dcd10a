package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.SENDER_CONFIRMATION;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.store.db.tables.records.SenderConfirmationRecord;

/** Agent replies waiting for their sender's confirmation. Construct it over the transaction's context. */
public final class SenderConfirmationRepository {
    private final DSLContext dsl;

    public SenderConfirmationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Holds a reply until {@code expiresAt}; returns its id. */
    public long insert(long ticketId, long agentId, long messageId, long notificationId, String body, String evidence,
                       Instant now, Instant expiresAt) {
        return dsl.insertInto(SENDER_CONFIRMATION)
                .set(SENDER_CONFIRMATION.TICKET_ID, ticketId).set(SENDER_CONFIRMATION.AGENT_ID, agentId)
                .set(SENDER_CONFIRMATION.MESSAGE_ID, messageId).set(SENDER_CONFIRMATION.NOTIFICATION_ID, notificationId)
                .set(SENDER_CONFIRMATION.BODY, body).set(SENDER_CONFIRMATION.EVIDENCE, fit(evidence))
                .set(SENDER_CONFIRMATION.STATUS, SenderConfirmation.HELD)
                .set(SENDER_CONFIRMATION.CREATED_AT, toDb(now)).set(SENDER_CONFIRMATION.EXPIRES_AT, toDb(expiresAt))
                .returningResult(SENDER_CONFIRMATION.ID)
                .fetchOne(SENDER_CONFIRMATION.ID);
    }

    public Optional<SenderConfirmation> byId(long id) {
        return dsl.selectFrom(SENDER_CONFIRMATION).where(SENDER_CONFIRMATION.ID.eq(id))
                .fetchOptional(SenderConfirmationRepository::toConfirmation);
    }

    public List<SenderConfirmation> byTicket(long ticketId) {
        return dsl.selectFrom(SENDER_CONFIRMATION).where(SENDER_CONFIRMATION.TICKET_ID.eq(ticketId))
                .orderBy(SENDER_CONFIRMATION.ID).fetch(SenderConfirmationRepository::toConfirmation);
    }

    /** How many replies of agent {@code agentId} were held for confirmation at or after {@code since}. */
    public int countHeldSince(long agentId, Instant since) {
        return dsl.fetchCount(SENDER_CONFIRMATION, SENDER_CONFIRMATION.AGENT_ID.eq(agentId)
                .and(SENDER_CONFIRMATION.CREATED_AT.ge(toDb(since))));
    }

    /** Held replies whose time ran out at {@code now}, oldest first. */
    public List<SenderConfirmation> due(Instant now, int limit) {
        return dsl.selectFrom(SENDER_CONFIRMATION)
                .where(SENDER_CONFIRMATION.STATUS.eq(SenderConfirmation.HELD)
                        .and(SENDER_CONFIRMATION.EXPIRES_AT.le(toDb(now))))
                .orderBy(SENDER_CONFIRMATION.EXPIRES_AT).limit(limit)
                .fetch(SenderConfirmationRepository::toConfirmation);
    }

    /** HELD → {@code status} if still held: true for exactly one caller, so a reply is released or expired once. */
    public boolean resolve(long id, String status, Instant now) {
        return dsl.update(SENDER_CONFIRMATION).set(SENDER_CONFIRMATION.STATUS, status)
                .set(SENDER_CONFIRMATION.RESOLVED_AT, toDb(now))
                .where(SENDER_CONFIRMATION.ID.eq(id).and(SENDER_CONFIRMATION.STATUS.eq(SenderConfirmation.HELD)))
                .execute() == 1;
    }

    private static String fit(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    private static SenderConfirmation toConfirmation(SenderConfirmationRecord r) {
        return new SenderConfirmation(r.getId(), r.getTicketId(), r.getAgentId(), r.getMessageId(),
                r.getNotificationId(), r.getBody(), r.getEvidence(), r.getStatus(), fromDb(r.getCreatedAt()),
                fromDb(r.getExpiresAt()));
    }
}
