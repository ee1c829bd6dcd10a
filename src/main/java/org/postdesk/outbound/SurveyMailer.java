package org.postdesk.outbound;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jooq.DSLContext;
import org.postdesk.mail.OutboundMail;
import org.postdesk.tickets.survey.SurveyScale;
import org.postdesk.tickets.survey.SurveyToken;
import org.postdesk.tickets.survey.SurveyTokens;

/**
 * Renders and queues the one satisfaction survey a closed ticket gets (template {@code survey}). Its Message-ID
 * carries the survey's signed token, so a plain reply ("5", "good, thanks") is recognised by its In-Reply-To; each
 * grade's {@code mailto:} link pre-fills a subject with the ticket tag and that grade's own token, for clients that
 * start a new mail. Automatic mail: the loop headers are set as on every autoreply.
 */
public final class SurveyMailer {
    public static final String KIND = "SURVEY";
    public static final String TEMPLATE = "survey";
    private final Templates templates;
    private final OutboundQueue queue;
    private final AutoHeaders autoHeaders;
    private final SurveyTokens tokens;

    public SurveyMailer(Templates templates, OutboundQueue queue, AutoHeaders autoHeaders, SurveyTokens tokens) {
        this.templates = templates;
        this.queue = queue;
        this.autoHeaders = autoHeaders;
        this.tokens = tokens;
    }

    /** Queues the survey mail in {@code tx}; returns its Message-ID. */
    public String queue(DSLContext tx, SurveyRequest r) {
        String name = r.customer().name() == null ? r.customer().address() : r.customer().name();
        List<SurveyModel.Choice> choices = r.scale().grades().stream().map(g -> new SurveyModel.Choice(g,
                r.scale().isGood(g), mailto(r, g))).toList();
        SurveyModel model = new SurveyModel(r.number(), r.tag(), r.subject(), name, r.teamName(),
                r.support().address(), r.scale().code(), choices);
        RenderedMail rendered = templates.render(tx, TEMPLATE, r.locale(), model);
        String messageId = tokens.messageIdFor(new SurveyToken(r.ticketId(), r.surveyId(), 0),
                Acknowledgements.domainOf(r.support().address()));
        OutboundMail mail = new OutboundMail(r.support(), List.of(r.customer()), List.of(), null, rendered.subject(),
                rendered.text(), rendered.html(), messageId, r.inReplyTo(),
                r.inReplyTo() == null ? List.of() : List.of(r.inReplyTo()), autoHeaders.headers(), List.of());
        queue.queue(tx, r.mailboxId(), r.ticketId(), KIND, mail, r.now());
        return messageId;
    }

    /** {@code mailto:} with the subject pre-filled (RFC 6068: percent-encoded UTF-8, a space as %20). */
    private String mailto(SurveyRequest r, int grade) {
        String subject = "Re: " + r.tag() + " " + label(r.scale(), grade) + " "
                + tokens.encode(new SurveyToken(r.ticketId(), r.surveyId(), grade));
        return "mailto:" + r.support().address() + "?subject="
                + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String label(SurveyScale scale, int grade) {
        return scale == SurveyScale.FIVE ? "rating " + grade : scale.isGood(grade) ? "good" : "bad";
    }
}
