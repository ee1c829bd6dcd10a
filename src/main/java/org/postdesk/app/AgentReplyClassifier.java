package org.postdesk.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.postdesk.mail.InboundMessage;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.Notification;
import org.postdesk.store.NotificationRepository;
import org.postdesk.store.TicketRepository;
import org.postdesk.tickets.agent.ReplyToken;
import org.postdesk.tickets.agent.ReplyTokenCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells an agent's reply from everything else (issue 3, "who is an agent"): the sender is an
 * active agent's address AND a token in In-Reply-To, References or the body verifies, was issued
 * to that very agent, and names a notification we recorded. Anything short of that — a forged
 * From, a stranger replaying a token, an agent writing without one, or an agent's autoresponder —
 * is a customer's message and can never run a command.
 */
final class AgentReplyClassifier {
    private static final Logger log = LoggerFactory.getLogger(AgentReplyClassifier.class);
    private final ReplyTokenCodec tokens;

    AgentReplyClassifier(ReplyTokenCodec tokens) {
        this.tokens = tokens;
    }

    Optional<AgentReply> classify(DSLContext tx, IngestService.Inbound in) {
        Optional<Agent> agent = new AgentRepository(tx).activeByAddress(in.facts().fromAddress());
        if (agent.isEmpty()) {
            return Optional.empty();
        }
        if (in.verdict().automated()) {
            log.info("automated mail from agent {} ({}): not a reply", agent.get().primaryAddress(),
                    in.verdict().reason());
            return Optional.empty();
        }
        Optional<AgentReply> reply = tokenFor(agent.get().id(), in.message())
                .flatMap(t -> new NotificationRepository(tx).byId(t.notificationId())
                        .filter(n -> n.ticketId() == t.ticketId() && n.agentId() == t.agentId()))
                .flatMap(n -> withTicket(tx, agent.get(), n));
        if (reply.isEmpty()) {
            log.info("mail from agent {} carries no reply token of theirs: handled as a customer's",
                    agent.get().primaryAddress());
        }
        return reply;
    }

    private Optional<AgentReply> withTicket(DSLContext tx, Agent agent, Notification n) {
        return new TicketRepository(tx).byId(n.ticketId()).flatMap(t -> new MailboxRepository(tx)
                .byId(t.mailboxId()).map(mb -> new AgentReply(agent, n, t, mb)));
    }

    /** Whether {@code m} carries a reply token issued to {@code agentId} that verifies; reads no store. */
    boolean carriesTokenOf(long agentId, InboundMessage m) {
        return tokenFor(agentId, m).isPresent();
    }

    /** Whether {@code m} carries a reply token that verifies, whoever it was issued to; reads no store. */
    boolean carriesAnyToken(InboundMessage m) {
        return candidates(m).stream().anyMatch(c -> tokens.findIn(List.of(c.text())).isPresent());
    }

    /** The first token issued to {@code agentId}: In-Reply-To, then References newest first, then body lines. */
    private Optional<ReplyToken> tokenFor(long agentId, InboundMessage m) {
        for (Candidate candidate : candidates(m)) {
            Optional<ReplyToken> token = tokens.findIn(List.of(candidate.text()));
            if (token.isPresent() && token.get().agentId() == agentId) {
                return token;
            }
        }
        return Optional.empty();
    }

    /**
     * Every place of {@code m} that carries the token {@link #classify} takes as {@code agentId}'s (the same
     * notification): the sender proof must cover one of them, or anybody holding a signed mail of the agent and a
     * leaked token could add the token in a field the signature does not cover. Reads no store.
     */
    Set<TokenPlace> placesOfTokenOf(long agentId, InboundMessage m) {
        Optional<ReplyToken> chosen = tokenFor(agentId, m);
        Set<TokenPlace> places = EnumSet.noneOf(TokenPlace.class);
        chosen.ifPresent(t -> candidates(m).stream()
                .filter(c -> tokens.findIn(List.of(c.text())).filter(t::equals).isPresent())
                .forEach(c -> places.add(c.place())));
        return places;
    }

    /** A text that may carry a token, and where it stands. */
    private record Candidate(String text, TokenPlace place) {
    }

    private static List<Candidate> candidates(InboundMessage m) {
        List<Candidate> out = new ArrayList<>();
        if (m.inReplyTo() != null) {
            out.add(new Candidate(m.inReplyTo(), TokenPlace.IN_REPLY_TO));
        }
        List<String> refs = new ArrayList<>(m.references());
        Collections.reverse(refs);
        refs.forEach(r -> out.add(new Candidate(r, TokenPlace.REFERENCES)));
        // Most mail quotes no token: one search of the whole text spares splitting it into lines (issue 16).
        if (!m.textBody().toLowerCase(Locale.ROOT).contains("pd1.")) {
            return out;
        }
        for (String line : m.textBody().split("\r\n|\r|\n")) {
            if (line.toLowerCase(Locale.ROOT).contains("pd1.")) {
                out.add(new Candidate(line, TokenPlace.BODY));
            }
        }
        return out;
    }
}
