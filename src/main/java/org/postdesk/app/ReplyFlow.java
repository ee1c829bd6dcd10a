package org.postdesk.app;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.postdesk.outbound.AgentTexts;
import org.postdesk.outbound.NoticeDetails;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Conversation;
import org.postdesk.store.EventRepository;
import org.postdesk.store.HeldReply;
import org.postdesk.store.HeldReplyRepository;
import org.postdesk.store.OwnershipRepository;
import org.postdesk.tickets.agent.AgentCommand;
import org.postdesk.tickets.agent.CommandVerb;
import org.postdesk.tickets.agent.Owner;
import org.postdesk.tickets.agent.ParsedReply;
import org.postdesk.tickets.agent.ReplyDecision;
import org.postdesk.tickets.agent.ReplyPolicy;
import org.postdesk.tickets.agent.TakeResult;

/**
 * What a checked agent reply does, in order: {@code #steal}/{@code #take}; {@code #send} on a
 * held or stale notice relays the held reply; the text is noted, relayed (taking a free ticket in
 * one conditional update) or held; then the ticket-changing commands run if the agent may act on
 * the ticket; last, one notice tells the agent what was held or refused.
 */
final class ReplyFlow {
    private static final String ATTACHMENT = "attachment ";
    private final ReplyPolicy policy = new ReplyPolicy();
    private final AgentRelay relay;
    private final AgentNotices notices;
    private final boolean allowSteal;
    private final Handover handover;

    ReplyFlow(AgentRelay relay, AgentNotices notices, boolean allowSteal) {
        this.relay = relay;
        this.notices = notices;
        this.handover = new Handover(notices);
        this.allowSteal = allowSteal;
    }

    /** Runs the reply; returns a one-line summary for the log. */
    String run(Reply r) {
        claim(r);
        if (r.has(CommandVerb.SEND) && r.agentReply().notification().heldReplyId() != null) {
            releaseHeld(r, r.agentReply().notification().heldReplyId());
        }
        String text = r.parsed().text().strip();
        if (r.has(CommandVerb.NOTE)) {
            note(r, text);
        } else if (!text.isEmpty()) {
            answer(r, r.parsed().text());
        }
        runActions(r);
        tell(r);
        return r.summary();
    }

    private void claim(Reply r) {
        OwnershipRepository ownership = new OwnershipRepository(r.tx());
        Optional<Owner> before = ownership.owner(r.ticketId());
        boolean mine = before.filter(o -> o.agentId() == r.agentId()).isPresent();
        if (r.has(CommandVerb.STEAL) && !mine) {
            ownership.assign(r.ticketId(), r.agentId(), r.now());
            handover.assigned(r.tx(), r.ticketId(), r.agent(), before, Handover.describe(r.agent()), r.agentId(),
                    r.now());
            r.event(before.isPresent() ? "steal" : "take", before.map(o -> "from " + name(r, o)).orElse("#steal"));
            r.done("#steal");
        } else if (r.has(CommandVerb.TAKE) && !mine) {
            TakeResult taken = ownership.take(r.ticketId(), r.agentId(), r.now());
            if (taken instanceof TakeResult.HeldBy held) {
                r.blockedBy(held.owner(), "#take");
            } else {
                r.event("take", "#take");
                r.done("#take");
            }
        }
    }

    private void releaseHeld(Reply r, long heldId) {
        HeldReplyRepository held = new HeldReplyRepository(r.tx());
        HeldReply h = held.byId(heldId).orElseThrow();
        if (!h.status().equals(HeldReply.HELD)) {
            sendResult(r, "that reply was already sent.");
            return;
        }
        boolean free = new OwnershipRepository(r.tx()).owner(r.ticketId()).isEmpty();
        TakeResult taken = new OwnershipRepository(r.tx()).take(r.ticketId(), r.agentId(), r.now());
        if (taken instanceof TakeResult.HeldBy other) {
            r.blockedBy(other.owner(), "#send");
            r.holdId(heldId);
            return;
        }
        if (free) {
            r.event("take", "by #send");
        }
        if (held.markSent(heldId, r.now())) {
            Optional<String> leak = relay.relay(r.tx(), r.agentReply(), h.body(), h.messageId(), r.now());
            if (leak.isPresent()) {
                held.markHeldAgain(heldId); // not sent after all: it stays held, and the agent is told why
                withhold(r, h.body(), leak.get());
                return;
            }
            r.event("held-sent", "held reply " + heldId + " sent by #send");
            r.relayed("held reply sent");
        } else {
            sendResult(r, "that reply was already sent.");
        }
    }

    private void note(Reply r, String text) {
        r.kind(AgentReplyHandler.KIND_NOTE);
        r.event("note", text.isEmpty() ? "(empty)" : Columns.fit(text, 200));
        r.done("note");
    }

    private void answer(Reply r, String text) {
        // Count first, then read the owner: a racing reply commits its take with its message, so
        // whoever this count sees as a new reply, the owner read below sees as the holder.
        int unseen = r.has(CommandVerb.SEND) ? 0 : new Conversation(r.tx()).unseenBy(r.ticketId(), r.agentId(),
                r.agentReply().notification().seenMessageId());
        OwnershipRepository ownership = new OwnershipRepository(r.tx());
        Optional<Owner> owner = ownership.owner(r.ticketId());
        ReplyDecision decision = policy.decide(r.agentId(), owner, unseen);
        if (decision instanceof ReplyDecision.HeldAsStale && owner.isEmpty()) {
            // New mail but no owner: the answer that made it new may be another agent's whose take is not committed
            // yet (five agents answering at once on H2 saw this). Wait for that row, then decide again, so the agent
            // hears who holds the ticket rather than only that it changed.
            owner = ownership.ownerLocked(r.ticketId());
            decision = policy.decide(r.agentId(), owner, unseen);
        }
        if (decision instanceof ReplyDecision.Relay && owner.isEmpty()) {
            decision = takeForReply(r, decision);
        }
        if (decision instanceof ReplyDecision.Relay && r.unsure() && !r.has(CommandVerb.SEND)) {
            // Never send less, or more, than the agent meant without asking: they confirm with #send.
            hold(r, text, HeldReply.UNSURE);
            r.unsureHeld(true);
        } else if (decision instanceof ReplyDecision.HeldForOwner held) {
            hold(r, text, HeldReply.OWNER);
            r.blockedBy(held.owner(), null);
        } else if (decision instanceof ReplyDecision.HeldAsStale) {
            hold(r, text, HeldReply.STALE);
            r.stale(true);
        } else {
            Optional<String> leak = relay.relay(r.tx(), r.agentReply(), text, r.messageId(), r.now());
            if (leak.isPresent()) {
                withhold(r, text, leak.get());
            } else {
                r.relayed("relayed to the customer");
            }
        }
    }

    /**
     * The last guard found a reply token in the mail for the customer: nothing is sent, the agent's mail
     * stays an internal note, and the agent is told to write again (a #send could only fail the same way).
     */
    private void withhold(Reply r, String text, String where) {
        r.heldText(text);
        r.kind(AgentReplyHandler.KIND_HELD);
        r.withheldBecause(where);
        r.done("reply withheld (reply token in " + where + ")");
    }

    /** The first reply takes a free ticket, atomically; losing the race holds the reply for the winner. */
    private static ReplyDecision takeForReply(Reply r, ReplyDecision relay) {
        TakeResult taken = new OwnershipRepository(r.tx()).take(r.ticketId(), r.agentId(), r.now());
        if (taken instanceof TakeResult.HeldBy held) {
            return new ReplyDecision.HeldForOwner(held.owner());
        }
        r.event("take", "by replying");
        return relay;
    }

    private void hold(Reply r, String text, String reason) {
        long id = new HeldReplyRepository(r.tx()).insert(r.ticketId(), r.agentId(), r.messageId(), reason, text,
                r.now());
        r.holdId(id);
        r.heldText(text);
        r.kind(AgentReplyHandler.KIND_HELD);
        r.event("held", reason.equals(HeldReply.OWNER) ? "another agent holds the ticket"
                : reason.equals(HeldReply.UNSURE) ? "unsure: text below the quote may be an inline answer or a footer"
                : "stale: the ticket changed");
    }

    private void runActions(Reply r) {
        Optional<Owner> owner = new OwnershipRepository(r.tx()).owner(r.ticketId());
        boolean mayAct = !r.stale() && !r.unsureHeld() && owner.map(o -> o.agentId() == r.agentId()).orElse(true);
        TicketAction.Context c = new TicketAction.Context(r.tx(), r.ticketId(), r.agent(), r.now(), handover);
        for (AgentCommand cmd : r.parsed().commands()) {
            Optional<TicketAction> action = TicketAction.of(cmd.verb());
            if (action.isPresent() && mayAct) {
                action.get().apply(c, cmd);
                r.done("#" + cmd.verb().command());
            } else if (action.isPresent()) {
                r.refuse("#" + cmd.verb().command() + (cmd.args().isEmpty() ? "" : " " + String.join(" ", cmd.args())));
                owner.ifPresent(o -> r.blockedBy(o, null));
            }
        }
    }

    private void tell(Reply r) {
        if (r.withheldBecause() != null) {
            String where = r.withheldBecause();
            send(r, "withheld", "WITHHELD", new NoticeDetails.Withheld(
                    where.startsWith(ATTACHMENT) ? where.substring(ATTACHMENT.length()) : "", r.heldText()));
        } else if (r.stale()) {
            List<String> news = new Conversation(r.tx()).unseenTexts(r.ticketId(), r.agentId(),
                    r.agentReply().notification().seenMessageId());
            send(r, "stale", "STALE", new NoticeDetails.Stale(news, r.heldText(), r.refused()));
        } else if (r.unsureHeld()) {
            send(r, "inline-check", "INLINE_CHECK", new NoticeDetails.InlineCheck(r.heldText(), r.refused()));
        } else if (r.blockedBy() != null) {
            Owner o = r.blockedBy();
            Agent owner = new AgentRepository(r.tx()).byId(o.agentId()).orElseThrow();
            send(r, "held", "HELD", new NoticeDetails.Held(owner.name(), owner.primaryAddress(),
                    o.since().truncatedTo(ChronoUnit.MINUTES).toString(), allowSteal, r.heldText(), r.refused()));
        }
    }

    private void sendResult(Reply r, String problem) {
        r.event("send-refused", problem);
        send(r, "send-result", "SEND_RESULT", new NoticeDetails.SendResult(
                AgentTexts.reasonIn(problem, r.agentReply().ticketMailbox().locale())));
    }

    private void send(Reply r, String template, String kind, Object details) {
        r.told();
        notices.send(r.tx(), r.agent(), new AgentNotices.About(r.ticketId(), template, kind, details, r.holdId(),
                r.inbound().message().messageId(), List.of()), r.now());
    }

    private static String name(Reply r, Owner o) {
        return new AgentRepository(r.tx()).byId(o.agentId()).map(Agent::primaryAddress).orElse("agent " + o.agentId());
    }

    /** One agent reply being handled: its inputs and what happened so far. Confined to one thread. */
    static final class Reply {
        private final DSLContext tx;
        private final IngestService.Inbound inbound;
        private final AgentReply agentReply;
        private final long messageId;
        private final ParsedReply parsed;
        private final List<String> done = new ArrayList<>();
        private final List<String> refused = new ArrayList<>();
        private String kind = AgentReplyHandler.KIND_COMMANDS;
        private Owner blockedBy;
        private Long holdId;
        private String heldText = "";
        private boolean stale;
        private boolean unsure;
        private boolean unsureHeld;
        private boolean told;
        private String withheldBecause;

        Reply(DSLContext tx, IngestService.Inbound inbound, AgentReply agentReply, long messageId, ParsedReply parsed) {
            this.tx = tx;
            this.inbound = inbound;
            this.agentReply = agentReply;
            this.messageId = messageId;
            this.parsed = parsed;
        }

        DSLContext tx() {
            return tx;
        }

        IngestService.Inbound inbound() {
            return inbound;
        }

        AgentReply agentReply() {
            return agentReply;
        }

        Agent agent() {
            return agentReply.agent();
        }

        long agentId() {
            return agentReply.agent().id();
        }

        long ticketId() {
            return agentReply.ticket().id();
        }

        long messageId() {
            return messageId;
        }

        ParsedReply parsed() {
            return parsed;
        }

        Instant now() {
            return inbound.now();
        }

        boolean has(CommandVerb verb) {
            return AgentReplyHandler.has(parsed, verb);
        }

        void event(String type, String detail) {
            new EventRepository(tx).record(ticketId(), now(), agent().primaryAddress(), type, detail);
        }

        String kind() {
            return kind;
        }

        void kind(String kind) {
            this.kind = kind;
        }

        void done(String what) {
            done.add(what);
        }

        void relayed(String what) {
            kind = AgentReplyHandler.KIND_REPLY;
            done.add(what);
        }

        void refuse(String command) {
            refused.add(command);
        }

        List<String> refused() {
            return List.copyOf(refused);
        }

        void blockedBy(Owner owner, String refusedCommand) {
            blockedBy = owner;
            if (refusedCommand != null) {
                refused.add(refusedCommand);
            }
        }

        Owner blockedBy() {
            return blockedBy;
        }

        void holdId(long id) {
            holdId = id;
        }

        Long holdId() {
            return holdId;
        }

        void heldText(String text) {
            heldText = text;
        }

        String heldText() {
            return heldText;
        }

        void withheldBecause(String where) {
            withheldBecause = where;
        }

        String withheldBecause() {
            return withheldBecause;
        }

        void stale(boolean value) {
            stale = value;
        }

        boolean stale() {
            return stale;
        }

        /** The reply extractor could not tell an inline answer from a footer below the quote. */
        void unsure(boolean value) {
            unsure = value;
        }

        boolean unsure() {
            return unsure;
        }

        void unsureHeld(boolean value) {
            unsureHeld = value;
        }

        boolean unsureHeld() {
            return unsureHeld;
        }

        /** Nothing relayed, held, noted, run, refused or answered with a notice. */
        boolean didNothing() {
            return done.isEmpty() && holdId == null && refused.isEmpty() && blockedBy == null && !stale && !told;
        }

        void told() {
            told = true;
        }

        String summary() {
            List<String> parts = new ArrayList<>(done);
            if (holdId != null) {
                parts.add("reply held (" + (stale ? "stale" : unsureHeld ? "unsure, agent asked to confirm"
                        : "ticket held by agent " + blockedBy.agentId()) + ")");
            }
            if (!refused.isEmpty()) {
                parts.add("refused " + String.join(", ", refused));
            }
            return parts.isEmpty() ? "nothing to do" : parts.stream().collect(Collectors.joining(", "));
        }
    }
}
