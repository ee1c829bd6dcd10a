package org.postdesk.store;

import static org.postdesk.store.db.Tables.ATTACHMENT;
import static org.postdesk.store.db.Tables.MESSAGE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * A ticket's messages as the agent workflow sees them. The conversation is what the customer
 * wrote ({@code IN}/{@code CUSTOMER}) and what agents relayed ({@code OUT}/{@code REPLY});
 * acknowledgements, notifications and notes are not part of it.
 */
public final class Conversation {
    public static final String CUSTOMER = "CUSTOMER";
    public static final String REPLY = "REPLY";

    private final DSLContext dsl;

    public Conversation(DSLContext dsl) {
        this.dsl = dsl;
    }

    private static Condition customerMessage() {
        return MESSAGE.DIRECTION.eq(NewMessage.Direction.IN.name()).and(MESSAGE.KIND.eq(CUSTOMER));
    }

    private static Condition relayedReply() {
        return MESSAGE.DIRECTION.eq(NewMessage.Direction.OUT.name()).and(MESSAGE.KIND.eq(REPLY));
    }

    /** The id of the latest conversation message; 0 when there is none. */
    public long latestId(long ticketId) {
        Long id = dsl.select(DSL.max(MESSAGE.ID)).from(MESSAGE)
                .where(MESSAGE.TICKET_ID.eq(ticketId).and(customerMessage().or(relayedReply())))
                .fetchOne(0, Long.class);
        return id == null ? 0 : id;
    }

    /** Customer messages and other agents' replies after {@code seenId}: what makes a reply stale. */
    public int unseenBy(long ticketId, long agentId, long seenId) {
        return dsl.fetchCount(MESSAGE, MESSAGE.TICKET_ID.eq(ticketId).and(MESSAGE.ID.gt(seenId))
                .and(customerMessage().or(relayedReply().and(MESSAGE.AGENT_ID.isNull().or(MESSAGE.AGENT_ID.ne(agentId))))));
    }

    /** The same messages as {@link #unseenBy}, oldest first, each as its sender and text. */
    public List<String> unseenTexts(long ticketId, long agentId, long seenId) {
        return dsl.select(MESSAGE.FROM_ADDR, MESSAGE.BODY_TEXT).from(MESSAGE)
                .where(MESSAGE.TICKET_ID.eq(ticketId).and(MESSAGE.ID.gt(seenId)).and(customerMessage()
                        .or(relayedReply().and(MESSAGE.AGENT_ID.isNull().or(MESSAGE.AGENT_ID.ne(agentId))))))
                .orderBy(MESSAGE.ID)
                .fetch(r -> "From: " + r.value1() + "\n\n" + (r.value2() == null ? "" : r.value2().strip()));
    }

    /** The customer's latest message, which a relayed reply answers. */
    public Optional<MessageRow> lastCustomerMessage(long ticketId) {
        return new MessageRepository(dsl).byTicket(ticketId).stream()
                .filter(m -> m.direction() == NewMessage.Direction.IN && CUSTOMER.equals(m.kind()))
                .reduce((first, second) -> second);
    }

    /**
     * Files a stored agent mail as an internal note of {@code kind} by {@code agentId}, with the text
     * the agent typed (the raw source keeps the whole mail, quotes and all).
     */
    public void markAgentMessage(long messageId, String kind, long agentId, String typed) {
        dsl.update(MESSAGE).set(MESSAGE.DIRECTION, NewMessage.Direction.NOTE.name()).set(MESSAGE.KIND, kind)
                .set(MESSAGE.AGENT_ID, agentId).set(MESSAGE.BODY_TEXT, typed).where(MESSAGE.ID.eq(messageId))
                .execute();
    }

    /** Records which agent a queued outgoing mail (by Message-ID) speaks for. */
    public void markAuthor(String rfcMessageId, long agentId) {
        dsl.update(MESSAGE).set(MESSAGE.AGENT_ID, agentId).where(MESSAGE.MESSAGE_ID.eq(rfcMessageId)).execute();
    }

    /** When {@code agentId} last wrote anything on the ticket; empty if never. */
    public Optional<Instant> lastActivity(long ticketId, long agentId) {
        return Optional.ofNullable(dsl.select(DSL.max(MESSAGE.STORED_AT)).from(MESSAGE)
                .where(MESSAGE.TICKET_ID.eq(ticketId).and(MESSAGE.AGENT_ID.eq(agentId))).fetchOne(0, OffsetDateTime.class)).map(Timestamps::fromDb);
    }

    /**
     * The kept attachments of one message; each content is read from the store one chunk at a time when it is
     * opened (in this context, so open it while the transaction, if any, is still open).
     */
    public List<StoredAttachment> attachments(long messageId) {
        return dsl.select(ATTACHMENT.ID, ATTACHMENT.FILENAME, ATTACHMENT.CONTENT_TYPE, ATTACHMENT.SIZE_BYTES,
                        ATTACHMENT.ORIGINAL_FILENAME).from(ATTACHMENT)
                .where(ATTACHMENT.MESSAGE_ID.eq(messageId).and(ATTACHMENT.DROPPED_REASON.isNull()))
                .orderBy(ATTACHMENT.ID)
                .fetch(r -> new StoredAttachment(r.value2(), r.value3(), r.value4(), new StreamedValue(r.value4(),
                        () -> AttachmentContents.stream(dsl, r.value1()).orElseThrow(() -> new java.io.IOException(
                                "attachment id " + r.value1() + " is gone"))), null, r.value5()));
    }

    /** The body text of one message. */
    public Optional<String> text(long messageId) {
        return dsl.select(MESSAGE.BODY_TEXT).from(MESSAGE).where(MESSAGE.ID.eq(messageId))
                .fetchOptional(MESSAGE.BODY_TEXT);
    }
}
