package org.postdesk.app;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.app.sender.SenderEvidence;
import org.postdesk.outbound.AgentTexts;
import org.postdesk.outbound.NoticeDetails;
import org.postdesk.store.EventRepository;
import org.postdesk.store.NotificationRepository;
import org.postdesk.store.SenderConfirmation;
import org.postdesk.store.SenderConfirmationRepository;
import org.postdesk.tickets.agent.CommandVerb;
import org.postdesk.tickets.agent.ParsedReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The confirmation flow for an agent reply whose sender is not proven (issue 9, {@code --agent-sender-check
 * confirm}): the reply is held whole — text and commands — and a "Confirm: did you write this?" mail goes
 * to the agent's own address, which a forger cannot read, with a fresh token. The agent's {@code #send}
 * to that mail releases it once, as if it had just arrived proven; ignored, it lapses after
 * {@code agents.confirm-expiry} ({@link ConfirmExpiry}).
 */
final class ConfirmFlow {
    private static final Logger log = LoggerFactory.getLogger(ConfirmFlow.class);
    static final String KIND = "CONFIRM";
    static final String ALREADY_SENT = "that reply was already sent.";
    static final String LAPSED = "that reply was not confirmed in time and was never sent.";
    /**
     * At most this many "Confirm:" mails per agent per hour. Every forged reply carrying a leaked token asks the
     * agent; without a bound a forger floods the agent's inbox through our own server. Past it a reply is still
     * held (and lapses unless an admin acts), without a mail, and the audit and the log say so.
     */
    static final int ASKS_PER_HOUR = 5;

    private final AgentNotices notices;
    private final Duration expiry;

    ConfirmFlow(AgentNotices notices, Duration expiry) {
        this.notices = notices;
        this.expiry = expiry;
    }

    /** A held reply released by its agent: run it as the answer to {@code agentReply}'s notification. */
    record Released(AgentReply agentReply, long messageId, String text) {
    }

    /** Holds {@code text} of stored agent mail {@code messageId} and asks the agent; returns a summary. */
    String hold(DSLContext tx, IngestService.Inbound in, AgentReply r, long messageId, String text) {
        SenderEvidence evidence = in.evidence();
        Instant expires = in.now().plus(expiry);
        long id = new SenderConfirmationRepository(tx).insert(r.ticket().id(), r.agent().id(), messageId,
                r.notification().id(), text, evidence.detail(), in.now(), expires);
        new EventRepository(tx).record(r.ticket().id(), in.now(), TicketWriter.SYSTEM, "sender-unproven",
                "reply from " + r.agent().primaryAddress() + " held until " + expires.truncatedTo(ChronoUnit.MINUTES)
                        + " for the agent's confirmation: " + evidence.detail());
        int asked = new SenderConfirmationRepository(tx).countHeldSince(r.agent().id(),
                in.now().minus(Duration.ofHours(1)));
        if (asked > ASKS_PER_HOUR) {
            log.warn("agent {}: {} unproven replies held in the last hour; no more confirmation mails this hour (a"
                    + " forger may hold a leaked reply token)", r.agent().primaryAddress(), asked);
            new EventRepository(tx).record(r.ticket().id(), in.now(), TicketWriter.SYSTEM, "confirm-suppressed",
                    "held reply " + id + ": no confirmation mail, " + asked + " unproven replies of "
                            + r.agent().primaryAddress() + " held in the last hour (at most " + ASKS_PER_HOUR
                            + " mails an hour)");
            return "sender not proven, reply held; no confirmation mail (" + asked + " in the last hour)";
        }
        String from = in.message().from() == null ? "" : in.message().from().toString();
        long notification = notices.send(tx, r.agent(), new AgentNotices.About(r.ticket().id(), "confirm", KIND,
                new NoticeDetails.Confirm(text, from, IdleRelease.describe(expiry),
                        expires.truncatedTo(ChronoUnit.MINUTES).toString()), null, in.message().messageId(),
                List.of()), in.now());
        new NotificationRepository(tx).linkConfirmation(notification, id);
        return "sender not proven, reply held and the agent asked to confirm it";
    }

    /**
     * The agent answered confirmation mail of held reply {@code confirmationId}: with {@code #send} the held
     * reply is released once; otherwise nothing happens. When it cannot be released (already sent, lapsed)
     * the agent is told why.
     */
    Optional<Released> release(DSLContext tx, IngestService.Inbound in, AgentReply r, long confirmationId,
                               ParsedReply parsed) {
        if (!AgentReplyHandler.has(parsed, CommandVerb.SEND)) {
            return Optional.empty();
        }
        SenderConfirmationRepository held = new SenderConfirmationRepository(tx);
        SenderConfirmation c = held.byId(confirmationId).orElseThrow();
        String problem = null;
        if (c.status().equals(SenderConfirmation.HELD) && in.now().isAfter(c.expiresAt())) {
            ConfirmExpiry.expire(tx, c, in.now());
            problem = LAPSED;
        } else if (c.status().equals(SenderConfirmation.EXPIRED)) {
            problem = LAPSED;
        } else if (!held.resolve(c.id(), SenderConfirmation.SENT, in.now())) {
            problem = ALREADY_SENT;
        }
        if (problem != null) {
            refuse(tx, in, r, problem);
            return Optional.empty();
        }
        new EventRepository(tx).record(r.ticket().id(), in.now(), r.agent().primaryAddress(), "sender-confirmed",
                "held reply " + c.id() + " confirmed by #send to the confirmation mail");
        return new NotificationRepository(tx).byId(c.notificationId())
                .map(n -> new Released(new AgentReply(r.agent(), n, r.ticket(), r.ticketMailbox()), c.messageId(),
                        c.body()));
    }

    private void refuse(DSLContext tx, IngestService.Inbound in, AgentReply r, String problem) {
        new EventRepository(tx).record(r.ticket().id(), in.now(), r.agent().primaryAddress(), "send-refused", problem);
        notices.send(tx, r.agent(), new AgentNotices.About(r.ticket().id(), "send-result", "SEND_RESULT",
                new NoticeDetails.SendResult(AgentTexts.reasonIn(problem, r.ticketMailbox().locale())), null,
                in.message().messageId(), List.of()), in.now());
    }
}
