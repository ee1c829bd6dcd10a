package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.MAILBOX;
import static org.postdesk.store.db.Tables.MESSAGE;
import static org.postdesk.store.db.Tables.SURVEY;
import static org.postdesk.store.db.Tables.TICKET;
import static org.postdesk.store.db.Tables.TICKET_EVENT;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** The satisfaction surveys (issue 12): one per ticket at most (a unique key), and each rated at most once. */
public final class SurveyRepository {
    /** The audit type of a survey's fate: sent, or why not. A ticket with one is never asked again. */
    public static final String EVENT = "survey";
    private final DSLContext dsl;

    public SurveyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Closed tickets of mailboxes with the survey on, closed since {@code since}, that were never merged and whose
     * survey was never decided (no {@link #EVENT} line): oldest close first.
     */
    public List<Long> due(Instant since, int limit) {
        new EventRepository(dsl).flush();
        return dsl.select(TICKET.ID).from(TICKET).join(MAILBOX).on(MAILBOX.ID.eq(TICKET.MAILBOX_ID))
                .where(TICKET.STATUS.eq("CLOSED")).and(TICKET.CLOSED_AT.ge(toDb(since)))
                .and(MAILBOX.SURVEY_ENABLED.isTrue()).and(TICKET.MERGED_INTO_ID.isNull())
                .andNotExists(DSL.selectOne().from(TICKET_EVENT).where(TICKET_EVENT.TICKET_ID.eq(TICKET.ID))
                        .and(TICKET_EVENT.TYPE.eq(EVENT)))
                .orderBy(TICKET.CLOSED_AT).limit(limit).fetch(TICKET.ID);
    }

    /** The mailbox's scale when its survey is on; empty when it is off. */
    public Optional<String> scaleIfEnabled(long mailboxId) {
        return dsl.select(MAILBOX.SURVEY_SCALE).from(MAILBOX).where(MAILBOX.ID.eq(mailboxId))
                .and(MAILBOX.SURVEY_ENABLED.isTrue()).fetchOptional(MAILBOX.SURVEY_SCALE);
    }

    /** The mailbox's scale, whether its survey is on or off. */
    public String scale(long mailboxId) {
        return dsl.select(MAILBOX.SURVEY_SCALE).from(MAILBOX).where(MAILBOX.ID.eq(mailboxId)).fetchOne(MAILBOX.SURVEY_SCALE);
    }

    /** Turns the mailbox's survey on or off and sets its scale ({@code 5} or {@code good-bad}). */
    public void configure(long mailboxId, boolean enabled, String scale) {
        dsl.update(MAILBOX).set(MAILBOX.SURVEY_ENABLED, enabled).set(MAILBOX.SURVEY_SCALE, scale)
                .where(MAILBOX.ID.eq(mailboxId)).execute();
    }

    /** Whether {@code customer} was sent a survey at or after {@code since} (csat.min-interval). */
    public boolean sentTo(String customer, Instant since) {
        return dsl.fetchExists(dsl.selectOne().from(SURVEY).where(SURVEY.CUSTOMER.eq(customer))
                .and(SURVEY.SENT_AT.ge(toDb(since))));
    }

    /** A new survey for the ticket; empty when the ticket has one already (another daemon was first). */
    public Optional<Long> create(long ticketId, long mailboxId, String customer, String scale, Instant now) {
        return dsl.insertInto(SURVEY).set(SURVEY.TICKET_ID, ticketId).set(SURVEY.MAILBOX_ID, mailboxId)
                .set(SURVEY.CUSTOMER, customer).set(SURVEY.SCALE, scale).set(SURVEY.SENT_AT, toDb(now))
                .onConflictDoNothing().returningResult(SURVEY.ID).fetchOptional().map(r -> r.value1());
    }

    public void setMessageId(long surveyId, String messageId) {
        dsl.update(SURVEY).set(SURVEY.MESSAGE_ID, messageId).where(SURVEY.ID.eq(surveyId)).execute();
    }

    public Optional<Survey> byId(long surveyId) {
        return dsl.selectFrom(SURVEY).where(SURVEY.ID.eq(surveyId)).fetchOptional().map(SurveyRepository::survey);
    }

    public Optional<Survey> byTicket(long ticketId) {
        return dsl.selectFrom(SURVEY).where(SURVEY.TICKET_ID.eq(ticketId)).fetchOptional()
                .map(SurveyRepository::survey);
    }

    /** Records the answer; false (nothing changed) when the survey was answered already. */
    public boolean rate(long surveyId, int grade, boolean good, String commentOrNull, Instant now) {
        return dsl.update(SURVEY).set(SURVEY.RATING, grade).set(SURVEY.GOOD, good).set(SURVEY.RATED_AT, toDb(now))
                .set(SURVEY.RATING_COMMENT, commentOrNull).where(SURVEY.ID.eq(surveyId))
                .and(SURVEY.RATED_AT.isNull()).execute() == 1;
    }

    /** Whether {@code address} wrote to the ticket themselves (a customer message, not automated mail). */
    public boolean wroteByHand(long ticketId, String address) {
        return dsl.fetchExists(dsl.selectOne().from(MESSAGE).where(MESSAGE.TICKET_ID.eq(ticketId))
                .and(MESSAGE.DIRECTION.eq("IN")).and(MESSAGE.KIND.eq(Conversation.CUSTOMER))
                .and(DSL.lower(MESSAGE.FROM_ADDR).eq(address.toLowerCase(java.util.Locale.ROOT))));
    }

    /** The agent whose answer the customer got last: who a bad rating concerns once the ticket is closed. */
    public Optional<Long> lastReplier(long ticketId) {
        return dsl.select(MESSAGE.AGENT_ID).from(MESSAGE).where(MESSAGE.TICKET_ID.eq(ticketId))
                .and(MESSAGE.DIRECTION.eq("OUT")).and(MESSAGE.KIND.eq(Conversation.REPLY)).and(MESSAGE.AGENT_ID.isNotNull())
                .orderBy(MESSAGE.ID.desc()).limit(1).fetchOptional(MESSAGE.AGENT_ID);
    }

    private static Survey survey(Record r) {
        return new Survey(r.get(SURVEY.ID), r.get(SURVEY.TICKET_ID), r.get(SURVEY.MAILBOX_ID), r.get(SURVEY.CUSTOMER),
                r.get(SURVEY.SCALE), r.get(SURVEY.MESSAGE_ID), fromDb(r.get(SURVEY.SENT_AT)), r.get(SURVEY.RATING),
                fromDb(r.get(SURVEY.RATED_AT)), r.get(SURVEY.RATING_COMMENT));
    }
}
