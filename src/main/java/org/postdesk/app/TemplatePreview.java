package org.postdesk.app;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.mail.MailAddress;
import org.postdesk.mail.MimeComposer;
import org.postdesk.mail.OutboundMail;
import org.postdesk.outbound.Acknowledgements;
import org.postdesk.outbound.AgentNoticeModel;
import org.postdesk.outbound.AutoHeaders;
import org.postdesk.outbound.RenderedMail;
import org.postdesk.outbound.TemplateKey;
import org.postdesk.outbound.TemplateSamples;
import org.postdesk.outbound.Templates;
import org.postdesk.outbound.TicketFacts;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.tickets.SubjectTag;
import org.postdesk.tickets.TicketNumber;

/**
 * {@code postdesk template render}: the complete mail a template gives for a real ticket, as the daemon would
 * send it (the ticket's locale, then its mailbox's, then English; a fresh Message-ID). Nothing is sent or stored.
 */
public final class TemplatePreview {
    private final Templates templates;
    private final String loopMarker;

    public TemplatePreview(Templates templates, String loopMarker) {
        this.templates = templates;
        this.loopMarker = loopMarker;
    }

    /** The raw MIME message, rendered in the caller's transaction; {@code locale} (may be null) is tried first. */
    public byte[] render(DSLContext tx, String name, TicketNumber number, String locale) {
        TicketRow t = new TicketRepository(tx).byNumber(number).orElseThrow(() -> new RefusedException("ticket "
                + number + " does not exist (see: postdesk ticket list)"));
        Mailbox mb = new MailboxRepository(tx).byId(t.mailboxId()).orElseThrow(() -> new IllegalStateException(
                "ticket " + number + " names mailbox id " + t.mailboxId() + ", which does not exist"));
        Optional<Agent> agent = agentFor(tx, t);
        TicketFacts facts = facts(t, mb, agent, AgentNotices.ownerShown(tx, t));
        Object model = TemplateSamples.standard().model(name, facts).orElseThrow(() -> new RefusedException(
                "template " + name + " is not one this version of Postdesk sends, so there is no model to render it"
                        + " with (known: " + String.join(", ", TemplateSamples.standard().names()) + ", answers/…)"));
        RenderedMail mail = templates.render(tx, name, Arrays.asList(locale, t.locale(), mb.locale()), model);
        String subject = name.startsWith(TemplateKey.ANSWERS) ? "Re: " + facts.tag() + " " + t.subject() : mail.subject();
        MailAddress to = model instanceof AgentNoticeModel
                ? agent.map(a -> new MailAddress(a.primaryAddress(), a.name())).orElse(new MailAddress(
                        "agent@" + Acknowledgements.domainOf(mb.address()), "An agent"))
                : new MailAddress(t.requester(), t.requesterName());
        OutboundMail out = new OutboundMail(new MailAddress(mb.address(), mb.tagLabel()),
                List.of(to), List.of(), null, subject, mail.text(),
                mail.html(), MimeComposer.newMessageId(Acknowledgements.domainOf(mb.address())), null, List.of(),
                new AutoHeaders(loopMarker).headers(), List.of());
        return new MimeComposer().compose(out);
    }

    /** Who a notice about {@code t} would go to: its owner, else the first active agent of its mailbox. */
    private static Optional<Agent> agentFor(DSLContext tx, TicketRow t) {
        AgentRepository agents = new AgentRepository(tx);
        Optional<Agent> owner = t.ownerAgentId() == null ? Optional.empty() : agents.byId(t.ownerAgentId());
        return owner.or(() -> agents.activeForMailbox(t.mailboxId()).stream().findFirst());
    }

    private static TicketFacts facts(TicketRow t, Mailbox mb, Optional<Agent> agent, String owner) {
        String tag = new SubjectTag().format(mb.tagLabel(), t.number());
        String customerName = t.requesterName() == null ? t.requester() : t.requesterName();
        String agentName = agent.map(Agent::name).orElse("(no agent yet)");
        return new TicketFacts(t.number().toString(), tag, t.subject(), t.status().name(), t.priority(), customerName,
                t.requester(), mb.tagLabel(), mb.address(), agentName, owner);
    }
}
