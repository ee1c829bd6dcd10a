package org.postdesk.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.postdesk.mail.InboundMessage;
import org.postdesk.outbound.RatingNoticeDetails;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.EventRepository;
import org.postdesk.store.Survey;
import org.postdesk.store.SurveyRepository;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.store.TierRepository;
import org.postdesk.tickets.reply.NoticeFrame;
import org.postdesk.tickets.reply.ReplyExtractor;
import org.postdesk.tickets.reply.Writer;
import org.postdesk.tickets.survey.Rating;
import org.postdesk.tickets.survey.RatingParser;
import org.postdesk.tickets.survey.SurveyScale;
import org.postdesk.tickets.survey.SurveyToken;
import org.postdesk.tickets.survey.SurveyTokens;

/**
 * Takes a customer's answer to the satisfaction survey off the ingest path (issue 12), before threading would
 * add it to the closed ticket and reopen it. An answer is one whose subject (a rating link), In-Reply-To or
 * References (a reply to the survey mail) carries a survey token that verifies, from the address the survey
 * went to, and that gives a grade: the link's own, or a plain "5" / "good, thanks" opening the text. It is
 * stored on the ticket (kind {@code RATING}), its grade and comment recorded exactly once (audit {@code rating}),
 * and the ticket stays closed; a bad grade tells the agent who answered last and the team lead. Anything else —
 * a forged token, another sender, text that is no grade — is not an answer and goes on as ordinary mail.
 */
public final class SurveyReplies {
    public static final String KIND = "RATING";
    static final String NOTICE_KIND = "BAD_RATING";
    static final String NOTICE_TEMPLATE = "bad-rating";
    private static final int COMMENT_CHARS = 2000;
    private final ReplyExtractor extractor = new ReplyExtractor(new NoticeFrame(List.of()));
    private final SurveyTokens tokens;
    private final AgentNotices notices;

    public SurveyReplies(SurveyTokens tokens, AgentNotices notices) {
        this.tokens = tokens;
        this.notices = notices;
    }

    /** The answer stored and recorded, in {@code tx}; empty when {@code in} is no answer to a survey. */
    Optional<IngestResult> handle(DSLContext tx, IngestService.Inbound in) {
        InboundMessage m = in.message();
        if (in.verdict().automated()) {
            return Optional.empty();
        }
        List<String> places = new ArrayList<>();
        places.add(m.subject());
        places.add(m.inReplyTo());
        places.addAll(m.references());
        Optional<SurveyToken> token = tokens.findIn(places);
        Optional<Survey> survey = token.flatMap(t -> new SurveyRepository(tx).byId(t.surveyId())
                .filter(s -> s.ticketId() == t.ticketId())
                .filter(s -> s.customer().equalsIgnoreCase(in.facts().fromAddress())));
        Optional<SurveyScale> scale = survey.flatMap(s -> SurveyScale.of(s.scale()));
        if (scale.isEmpty()) {
            return Optional.empty();
        }
        String text = extractor.extract(m.textBody(), Writer.CUSTOMER).text();
        int linked = token.get().grade();
        Optional<Rating> rating = linked > 0 && scale.get().valid(linked) ? Optional.of(new Rating(linked, text))
                : RatingParser.parse(text, scale.get());
        return rating.map(r -> record(tx, in, survey.get(), scale.get(), r));
    }

    private IngestResult record(DSLContext tx, IngestService.Inbound in, Survey survey, SurveyScale scale, Rating r) {
        TicketRow ticket = new TicketRepository(tx).byId(survey.ticketId()).orElseThrow();
        StoredMessages.store(tx, ticket.id(), in.mailbox().id(), in.uid(), in.message(), KIND, in.facts(), in.now());
        String shown = shown(scale, r.grade());
        String comment = r.comment().length() > COMMENT_CHARS ? r.comment().substring(0, COMMENT_CHARS) : r.comment();
        SurveyRepository surveys = new SurveyRepository(tx);
        String detail;
        if (surveys.rate(survey.id(), r.grade(), scale.isGood(r.grade()), comment.isEmpty() ? null : comment,
                in.now())) {
            detail = shown + (comment.isEmpty() ? "" : ": " + firstLine(comment));
            if (!scale.isGood(r.grade())) {
                tellTeam(tx, ticket, new RatingNoticeDetails(shown, comment, survey.customer()), in);
            }
        } else {
            // A second answer (another link clicked, the same mail sent twice): the first one stands.
            detail = "ignored " + shown + ": the survey was answered already ("
                    + surveys.byId(survey.id()).map(s -> shown(scale, s.rating())).orElse("?") + ")";
        }
        new EventRepository(tx).record(ticket.id(), in.now(), survey.customer(), "rating", detail);
        return new IngestResult(IngestResult.Outcome.APPENDED, ticket.number(), "survey answer from "
                + survey.customer() + ": " + detail);
    }

    /** The agent who answered last and the team lead (each once, if active); nobody else is disturbed. */
    private void tellTeam(DSLContext tx, TicketRow ticket, RatingNoticeDetails details, IngestService.Inbound in) {
        AgentRepository agents = new AgentRepository(tx);
        Set<Long> told = new LinkedHashSet<>();
        new SurveyRepository(tx).lastReplier(ticket.id()).ifPresent(told::add);
        new TierRepository(tx).teamLead(ticket.mailboxId()).ifPresent(told::add);
        for (long id : told) {
            agents.byId(id).filter(Agent::active).ifPresent(a -> notices.send(tx, a, new AgentNotices.About(ticket.id(),
                    NOTICE_TEMPLATE, NOTICE_KIND, details, null, null, List.of()), in.now()));
        }
    }

    static String shown(SurveyScale scale, int grade) {
        return scale == SurveyScale.FIVE ? grade + " of 5" : scale.isGood(grade) ? "good" : "bad";
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
