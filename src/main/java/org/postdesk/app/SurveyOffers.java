package org.postdesk.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.mail.MailAddress;
import org.postdesk.outbound.SurveyMailer;
import org.postdesk.outbound.SurveyRequest;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Conversation;
import org.postdesk.store.Database;
import org.postdesk.store.EventRepository;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MessageRow;
import org.postdesk.store.SurveyRepository;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.tickets.Deliverability;
import org.postdesk.tickets.SubjectTag;
import org.postdesk.tickets.TicketStatus;
import org.postdesk.tickets.survey.SurveyScale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Sends the satisfaction survey (issue 12) of tickets that were closed — by an agent's {@code #close}, by
 * {@code postdesk ticket close}, by any path that closes — in mailboxes with the survey on. Runs on the daemon's
 * timer rather than inside each close, so every way of closing is covered by one rule and the command line needs
 * no mail of its own. Each ticket in its own transaction: the survey row (unique per ticket, so exactly once with
 * several daemons), the outbox row and the audit line ({@code survey}: sent, or why not) commit together. Never for
 * spam (not closed), merged tickets, requesters who never wrote by hand (robots), agents, undeliverable addresses,
 * or a customer surveyed within {@code csat.min-interval}.
 */
public final class SurveyOffers {
    private static final Logger log = LoggerFactory.getLogger(SurveyOffers.class);
    /** How far back a sweep looks: a daemon that was down longer than this does not survey old closes. */
    static final Duration LOOKBACK = Duration.ofDays(3);
    private static final int BATCH = 200;
    private final SubjectTag tags = new SubjectTag();
    private final Database db;
    private final SurveyMailer mailer;
    private final Duration minInterval;
    private final Clock clock;

    public SurveyOffers(Database db, SurveyMailer mailer, Duration minInterval, Clock clock) {
        this.db = db;
        this.mailer = mailer;
        this.minInterval = minInterval;
        this.clock = clock;
    }

    /** Decides the survey of every ticket closed since the look-back; returns how many were sent. */
    public int sweep() {
        Instant now = clock.instant();
        int sent = 0;
        for (long ticketId : new SurveyRepository(db.dsl()).due(now.minus(LOOKBACK), BATCH)) {
            try (var m = MDC.putCloseable("ticket", String.valueOf(ticketId))) {
                if (db.inTransaction(tx -> offer(tx, ticketId, now))) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private boolean offer(DSLContext tx, long ticketId, Instant now) {
        TicketRow t = new TicketRepository(tx).byId(ticketId).orElse(null);
        SurveyRepository surveys = new SurveyRepository(tx);
        Optional<SurveyScale> scale = t == null ? Optional.empty()
                : surveys.scaleIfEnabled(t.mailboxId()).flatMap(SurveyScale::of);
        if (t == null || t.status() != TicketStatus.CLOSED || scale.isEmpty()) {
            return false;
        }
        Optional<String> refusal = refusal(tx, t, now);
        if (refusal.isPresent()) {
            new EventRepository(tx).record(ticketId, now, TicketWriter.SYSTEM, SurveyRepository.EVENT,
                    "none: " + refusal.get());
            log.info("no survey: {}", refusal.get());
            return false;
        }
        Optional<Long> surveyId = surveys.create(ticketId, t.mailboxId(), t.requester(), scale.get().code(), now);
        if (surveyId.isEmpty()) {
            return false;
        }
        Mailbox mb = new MailboxRepository(tx).byId(t.mailboxId()).orElseThrow();
        String messageId = mailer.queue(tx, new SurveyRequest(mb.id(), ticketId, surveyId.get(),
                new MailAddress(mb.address(), mb.tagLabel()), mb.tagLabel(),
                new MailAddress(t.requester(), t.requesterName()), t.locale() == null ? mb.locale() : t.locale(),
                t.number().toString(), tags.format(mb.tagLabel(), t.number()), t.subject(), scale.get(),
                new Conversation(tx).lastCustomerMessage(ticketId).map(MessageRow::messageId).orElse(null), now));
        surveys.setMessageId(surveyId.get(), messageId);
        new EventRepository(tx).record(ticketId, now, TicketWriter.SYSTEM, SurveyRepository.EVENT,
                "sent to " + t.requester() + " (scale " + scale.get().code() + ")");
        log.info("survey sent to {}", t.requester());
        return true;
    }

    /** Why this customer is not asked; empty when they are. */
    private Optional<String> refusal(DSLContext tx, TicketRow t, Instant now) {
        Optional<String> undeliverable = Deliverability.problem(t.requester());
        if (undeliverable.isPresent()) {
            return undeliverable;
        }
        if (new AgentRepository(tx).byAddress(t.requester()).isPresent()) {
            return Optional.of("the requester " + t.requester() + " is an agent");
        }
        SurveyRepository surveys = new SurveyRepository(tx);
        if (!surveys.wroteByHand(t.id(), t.requester())) {
            return Optional.of("the requester " + t.requester() + " only sent automated mail");
        }
        if (surveys.sentTo(t.requester(), now.minus(minInterval))) {
            return Optional.of(t.requester() + " had a survey within csat.min-interval (" + minInterval + ")");
        }
        return Optional.empty();
    }
}
