package org.postdesk.outbound;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.mail.MailAddress;
import org.postdesk.mail.MimeComposer;
import org.postdesk.mail.OutboundMail;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.OAuthGrant;
import org.postdesk.store.OAuthRepository;
import org.postdesk.store.TierRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mails the team once when a mailbox's OAuth2 grant is refused for good (issue 13): its team lead and its active
 * agents, each one mail (template {@code oauth-failed}, in the mailbox's language) naming the mailbox, the
 * provider's reason and the command that fixes it. The failed mailbox cannot send (its SMTP signs in with the
 * same grant), so the mail leaves through another enabled mailbox that still can; with none, nobody can be
 * mailed and the ERROR log line, {@code mailbox list}, {@code /health} and the metrics are what tells.
 */
public final class OAuthFailureNotice {
    public static final String KIND = "OAUTH_FAILED";
    public static final String TEMPLATE = "oauth-failed";
    private static final Logger log = LoggerFactory.getLogger(OAuthFailureNotice.class);

    private final Templates templates;
    private final OutboundQueue queue;
    private final AutoHeaders autoHeaders;

    public OAuthFailureNotice(Templates templates, OutboundQueue queue, AutoHeaders autoHeaders) {
        this.templates = templates;
        this.queue = queue;
        this.autoHeaders = autoHeaders;
    }

    /** Queues the notices in {@code tx} (the one that marked the grant FAILED); returns how many. */
    public int grantFailed(DSLContext tx, Mailbox failed, String provider, String reason, Instant now) {
        List<Agent> team = team(tx, failed.id());
        Optional<Mailbox> via = sender(tx, failed.id());
        if (team.isEmpty() || via.isEmpty()) {
            log.error("mailbox {}: nobody can be mailed about the failed OAuth2 sign-in ({}): {}", failed.name(),
                    team.isEmpty() ? "no active agent or team lead" : "no other enabled mailbox can send", reason);
            return 0;
        }
        String command = "postdesk mailbox oauth " + failed.name() + " --provider " + provider + " --client-id …";
        MailAddress from = new MailAddress(via.get().address(), via.get().tagLabel());
        for (Agent agent : team) {
            RenderedMail r = templates.render(tx, TEMPLATE, failed.locale(), new OAuthFailedModel(agent.name(),
                    failed.name(), failed.address(), provider, reason, command));
            OutboundMail mail = new OutboundMail(from, List.of(new MailAddress(agent.primaryAddress(), agent.name())),
                    List.of(), from, r.subject(), r.text(), null,
                    MimeComposer.newMessageId(Acknowledgements.domainOf(via.get().address())), null, List.of(),
                    autoHeaders.headers(), List.of());
            queue.queueWithoutTicket(tx, via.get().id(), KIND, mail, now);
        }
        log.info("mailbox {}: told {} agent(s) through mailbox {} that its OAuth2 sign-in failed", failed.name(),
                team.size(), via.get().name());
        return team.size();
    }

    /** The team lead first, then the mailbox's active agents, each once. */
    private static List<Agent> team(DSLContext tx, long mailboxId) {
        Map<Long, Agent> team = new LinkedHashMap<>();
        AgentRepository agents = new AgentRepository(tx);
        new TierRepository(tx).teamLead(mailboxId).flatMap(agents::byId).filter(Agent::active)
                .ifPresent(a -> team.put(a.id(), a));
        agents.activeForMailbox(mailboxId).forEach(a -> team.putIfAbsent(a.id(), a));
        return List.copyOf(team.values());
    }

    /** Another enabled mailbox whose sign-in has not failed, the first by name. */
    private static Optional<Mailbox> sender(DSLContext tx, long failedId) {
        Map<Long, OAuthGrant> grants = new OAuthRepository(tx).all();
        return new MailboxRepository(tx).listEnabled().stream()
                .filter(m -> m.id() != failedId)
                .filter(m -> !grants.containsKey(m.id()) || !grants.get(m.id()).failed())
                .findFirst();
    }
}
