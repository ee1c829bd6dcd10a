package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.AGENT_NOTIFICATION;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.store.db.tables.records.AgentNotificationRecord;

/** Notifications sent to agents. Construct it over the transaction's context. */
public final class NotificationRepository {
    private final DSLContext dsl;

    public NotificationRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Records a notification before it is composed, so its id can go into the token; returns the id. */
    public long insert(long ticketId, long agentId, String kind, long seenMessageId, Long heldReplyId, Instant now) {
        return dsl.insertInto(AGENT_NOTIFICATION)
                .set(AGENT_NOTIFICATION.TICKET_ID, ticketId).set(AGENT_NOTIFICATION.AGENT_ID, agentId)
                .set(AGENT_NOTIFICATION.KIND, kind).set(AGENT_NOTIFICATION.SEEN_MESSAGE_ID, seenMessageId)
                .set(AGENT_NOTIFICATION.HELD_REPLY_ID, heldReplyId).set(AGENT_NOTIFICATION.SENT_AT, toDb(now))
                .returningResult(AGENT_NOTIFICATION.ID)
                .fetchOne(AGENT_NOTIFICATION.ID);
    }

    /** A notification to record: {@link #insert}'s values. {@code heldReplyId} may be null. */
    public record NewNotification(long ticketId, long agentId, String kind, long seenMessageId, Long heldReplyId,
                                  Instant now) {
    }

    /**
     * Records {@code notices} with one statement (the same notice to each agent of a team: one INSERT instead of one
     * per agent); returns their ids in the order given.
     */
    public List<Long> insertAll(List<NewNotification> notices) {
        if (notices.size() == 1) {
            NewNotification n = notices.get(0);
            return List.of(insert(n.ticketId(), n.agentId(), n.kind(), n.seenMessageId(), n.heldReplyId(), n.now()));
        }
        if (notices.isEmpty()) {
            return List.of();
        }
        var insert = dsl.insertInto(AGENT_NOTIFICATION, AGENT_NOTIFICATION.TICKET_ID, AGENT_NOTIFICATION.AGENT_ID,
                AGENT_NOTIFICATION.KIND, AGENT_NOTIFICATION.SEEN_MESSAGE_ID, AGENT_NOTIFICATION.HELD_REPLY_ID,
                AGENT_NOTIFICATION.SENT_AT);
        for (NewNotification n : notices) {
            insert = insert.values(n.ticketId(), n.agentId(), n.kind(), n.seenMessageId(), n.heldReplyId(), toDb(n.now()));
        }
        // The identity gives the rows of one statement rising ids in the order of its VALUES, on H2 and PostgreSQL
        // alike; neither promises the order RETURNING hands them back in, hence the sort.
        List<Long> ids = new java.util.ArrayList<>(insert.returningResult(AGENT_NOTIFICATION.ID).fetch(AGENT_NOTIFICATION.ID));
        java.util.Collections.sort(ids);
        return List.copyOf(ids);
    }

    public Optional<Notification> byId(long id) {
        return dsl.selectFrom(AGENT_NOTIFICATION).where(AGENT_NOTIFICATION.ID.eq(id))
                .fetchOptional(NotificationRepository::toNotification);
    }

    public List<Notification> byTicket(long ticketId) {
        return dsl.selectFrom(AGENT_NOTIFICATION).where(AGENT_NOTIFICATION.TICKET_ID.eq(ticketId))
                .orderBy(AGENT_NOTIFICATION.ID).fetch(NotificationRepository::toNotification);
    }

    /** Marks notification {@code id} as the confirmation mail of held reply {@code confirmationId} (issue 9). */
    public void linkConfirmation(long id, long confirmationId) {
        dsl.update(AGENT_NOTIFICATION).set(AGENT_NOTIFICATION.CONFIRMATION_ID, confirmationId)
                .where(AGENT_NOTIFICATION.ID.eq(id)).execute();
    }

    /** The held reply whose confirmation mail notification {@code id} is, if it is one. */
    public Optional<Long> confirmationOf(long id) {
        return dsl.select(AGENT_NOTIFICATION.CONFIRMATION_ID).from(AGENT_NOTIFICATION)
                .where(AGENT_NOTIFICATION.ID.eq(id)).fetchOptional(AGENT_NOTIFICATION.CONFIRMATION_ID)
                .filter(Objects::nonNull);
    }

    private static Notification toNotification(AgentNotificationRecord r) {
        return new Notification(r.getId(), r.getTicketId(), r.getAgentId(), r.getKind(),
                r.getSeenMessageId() == null ? 0 : r.getSeenMessageId(), r.getHeldReplyId(), fromDb(r.getSentAt()));
    }
}
