package org.postdesk.cli;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jooq.DSLContext;
import org.postdesk.app.AgentNotices;
import org.postdesk.daemon.DaemonLauncher;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk template render NAME --ticket N}: the complete MIME message as it would be sent. Sends nothing. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Render a template for a real ticket and print the whole mail as it would go out, headers"
            + " included (with a fresh Message-ID). Nothing is sent or stored.",
            "The locale is the ticket's, then its mailbox's, then English, as when the daemon sends it."},
        footer = {"", "Examples:", "  postdesk template render ack --ticket 10019",
            "  postdesk template render answers/password-reset --ticket 10019 --locale ru"})
final class TemplateRenderCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "Template name.")
    private String name;

    @Option(names = "--ticket", required = true, paramLabel = "NUMBER", description = "Ticket number.")
    private String ticket;

    @Option(names = "--locale", paramLabel = "L", description = "Try this locale first.")
    private String locale;

    @Override
    public Integer call() {
        TemplateSupport.checkName(name);
        TicketNumber number = TicketNumbers.parse(spec, ticket);
        CliContext ctx = PostdeskCommand.context(spec);
        DSLContext dsl = ctx.database().dsl();
        TicketRow t = new TicketRepository(dsl).byNumber(number).orElseThrow(() -> new UsageException("ticket "
                + number + " does not exist (see: postdesk ticket list)"));
        Mailbox mb = new MailboxRepository(dsl).byId(t.mailboxId()).orElseThrow(() -> new IllegalStateException(
                "ticket " + number + " names mailbox id " + t.mailboxId() + ", which does not exist"));
        Optional<Agent> agent = agentFor(dsl, t);
        TicketFacts facts = facts(t, mb, agent, AgentNotices.ownerShown(dsl, t));
        Object model = TemplateSamples.standard().model(name, facts).orElseThrow(() -> new UsageException(
                "template " + name + " is not one this version of Postdesk sends, so there is no model to render it"
                        + " with (known: " + String.join(", ", TemplateSamples.standard().names()) + ", answers/…)"));
        Templates templates = Templates.stored(ctx.database(), DaemonLauncher.templatesDir());
        RenderedMail mail = templates.render(dsl, name, Arrays.asList(locale, t.locale(), mb.locale()), model);
        String subject = name.startsWith(TemplateKey.ANSWERS) ? "Re: " + facts.tag() + " " + t.subject() : mail.subject();
        MailAddress to = model instanceof AgentNoticeModel
                ? agent.map(a -> new MailAddress(a.primaryAddress(), a.name())).orElse(new MailAddress(
                        "agent@" + Acknowledgements.domainOf(mb.address()), "An agent"))
                : new MailAddress(t.requester(), t.requesterName());
        OutboundMail out = new OutboundMail(new MailAddress(mb.address(), mb.tagLabel()),
                List.of(to), List.of(), null, subject, mail.text(),
                mail.html(), MimeComposer.newMessageId(Acknowledgements.domainOf(mb.address())), null, List.of(),
                new AutoHeaders(ctx.config().loopMarker()).headers(), List.of());
        spec.commandLine().getOut().print(new String(new MimeComposer().compose(out), StandardCharsets.UTF_8)
                .replace("\r\n", "\n"));
        spec.commandLine().getOut().println();
        return ExitCodes.OK;
    }

    /** Who a notice about {@code t} would go to: its owner, else the first active agent of its mailbox. */
    private static Optional<Agent> agentFor(DSLContext dsl, TicketRow t) {
        AgentRepository agents = new AgentRepository(dsl);
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
