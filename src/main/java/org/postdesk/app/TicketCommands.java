package org.postdesk.app;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.NewMessage;
import org.postdesk.store.OwnershipRepository;
import org.postdesk.store.TicketLinks;
import org.postdesk.store.TicketMerges;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.tickets.TicketNumber;
import org.postdesk.tickets.TicketStatus;
import org.postdesk.tickets.agent.Owner;

/**
 * The admin's ticket use cases ({@code postdesk ticket close|reopen|release|assign|note|merge|link}), each in the
 * caller's transaction, each returning the line to show. The rules they apply are {@link TicketRules}' — the
 * same an agent's {@code #close} or {@code #release} applies — so an admin's close frees the owner too.
 */
public final class TicketCommands {
    /** The message kind of an admin's note. */
    public static final String NOTE_KIND = "ADMIN_NOTE";
    private final OwnershipNotices handover;

    /** {@code handover} tells agents of ownership changes; the running daemon's outbox sends the mails. */
    public TicketCommands(OwnershipNotices handover) {
        this.handover = handover;
    }

    public String close(DSLContext tx, TicketNumber number, Actor actor, Instant now) {
        TicketRow t = find(tx, number);
        if (t.status() == TicketStatus.CLOSED) {
            return "ticket " + t.number() + " is already closed: nothing changed";
        }
        Optional<Owner> owner = new OwnershipRepository(tx).owner(t.id());
        new TicketRules(tx, actor, now).close(t.id());
        return "ticket " + t.number() + " closed" + owner.map(o -> " (released from " + who(tx, o) + ")").orElse("");
    }

    public String reopen(DSLContext tx, TicketNumber number, Actor actor, Instant now) {
        TicketRow t = find(tx, number);
        refuseMerged(tx, t, "reopen");
        if (!t.status().isClosed()) {
            return "ticket " + t.number() + " is " + t.status() + ", not closed: nothing changed";
        }
        new TicketRules(tx, actor, now).status(t.id(), TicketStatus.OPEN);
        return "ticket " + t.number() + " reopened";
    }

    public String release(DSLContext tx, TicketNumber number, Actor actor, Instant now) {
        TicketRow t = find(tx, number);
        Optional<Owner> owner = new OwnershipRepository(tx).owner(t.id());
        if (owner.isEmpty()) {
            return "nobody holds ticket " + t.number() + ": nothing changed";
        }
        String was = who(tx, owner.get());
        if (!new TicketRules(tx, actor, now).release(t.id(), owner.get(), "released" + actor.via()
                + " (was held by " + was + ")")) {
            throw new RefusedException("ticket " + t.number() + " changed hands while releasing it: run the"
                    + " command again");
        }
        handover.released(tx, t.id(), actor.name(), actor.agentIdOrNull(), now);
        return "ticket " + t.number() + " released (was held by " + was + ")";
    }

    /** Gives the ticket to the agent named by {@code agentRef} (an address or an id), whoever holds it. */
    public String assign(DSLContext tx, TicketNumber number, String agentRef, Actor actor, Instant now) {
        TicketRow t = find(tx, number);
        refuseMerged(tx, t, "assign");
        AgentRepository agents = new AgentRepository(tx);
        Agent to = agent(agents, agentRef);
        if (!to.active()) {
            throw new RefusedException("agent " + to.primaryAddress() + " is disabled: enable them first"
                    + " (postdesk agent enable " + to.primaryAddress() + ")");
        }
        OwnershipRepository ownership = new OwnershipRepository(tx);
        Optional<Owner> before = ownership.owner(t.id());
        if (before.isPresent() && before.get().agentId() == to.id()) {
            return "ticket " + t.number() + " is already held by " + to.primaryAddress() + ": nothing changed";
        }
        ownership.assign(t.id(), to.id(), now);
        String was = before.map(o -> who(tx, o)).orElse(null);
        new TicketRules(tx, actor, now).event(t.id(), "assign", "to " + to.primaryAddress() + actor.via()
                + (was == null ? "" : " (was " + was + ")"));
        handover.assigned(tx, t.id(), to, before, actor.name(), actor.agentIdOrNull(), now);
        return "ticket " + t.number() + " assigned to " + to.display() + (was == null ? "" : " (was " + was + ")");
    }

    /** An internal note; the customer never sees it. */
    public String note(DSLContext tx, TicketNumber number, String text, Actor actor, Instant now) {
        if (text.isBlank()) {
            throw new RefusedException("the note is empty: write the note first");
        }
        TicketRow t = find(tx, number);
        refuseMerged(tx, t, "add the note to");
        new MessageRepository(tx).insert(new NewMessage(t.id(), t.mailboxId(), NewMessage.Direction.NOTE, NOTE_KIND,
                "note:" + UUID.randomUUID(), null, null, null, actor.name(), null, null, null, "Note", now, now,
                text.strip() + "\n", null, null, null, null));
        new TicketRepository(tx).touch(t.id(), now);
        new TicketRules(tx, actor, now).event(t.id(), "note", text.strip().length() + " characters");
        return "note added to ticket " + t.number();
    }

    /** Moves {@code from}'s conversation into {@code into}; {@code from} is closed and points there. */
    public String merge(DSLContext tx, TicketNumber fromNumber, TicketNumber intoNumber, Actor actor, Instant now) {
        TicketRow from = find(tx, fromNumber);
        TicketRow to = find(tx, intoNumber);
        if (from.id() == to.id()) {
            throw new RefusedException("ticket " + from.number() + " cannot be merged into itself: give another"
                    + " ticket with --into");
        }
        refuseMerged(tx, from, "merge");
        refuseMerged(tx, to, "merge into");
        if (from.mailboxId() != to.mailboxId()) {
            throw new RefusedException("tickets " + from.number() + " and " + to.number() + " belong to different"
                    + " mailboxes: replies would leave from another address; merge only within one mailbox");
        }
        TicketMerges.Moved moved = new TicketRepository(tx).merges().merge(from.id(), to.id(), now);
        TicketRules rules = new TicketRules(tx, actor, now);
        rules.event(to.id(), "merge", "ticket " + from.number() + " merged into this one: " + moved.messages()
                + " message(s), " + moved.participants() + " participant(s), " + moved.events() + " history line(s)");
        rules.event(from.id(), "merged-into", "merged into ticket " + to.number());
        return "ticket " + from.number() + " merged into " + to.number() + ": " + moved.messages()
                + " message(s) moved; " + from.number() + " is closed and points to " + to.number();
    }

    /**
     * Records that two tickets are about the same problem; both stay as they are. Needs no ownership notices,
     * so it is static: {@code postdesk ticket link} works without the secret key the notices need.
     */
    public static String link(DSLContext tx, TicketNumber firstNumber, TicketNumber secondNumber, Actor actor,
                              Instant now) {
        TicketRow a = find(tx, firstNumber);
        TicketRow b = find(tx, secondNumber);
        if (a.id() == b.id()) {
            throw new RefusedException("ticket " + a.number() + " cannot be linked to itself: give two tickets");
        }
        if (!new TicketLinks(tx).link(a.id(), b.id(), actor.name(), now)) {
            return "tickets " + a.number() + " and " + b.number() + " were linked already";
        }
        TicketRules rules = new TicketRules(tx, actor, now);
        rules.event(a.id(), "link", "linked to ticket " + b.number());
        rules.event(b.id(), "link", "linked to ticket " + a.number());
        return "tickets " + a.number() + " and " + b.number() + " linked";
    }

    /** The ticket, or a refusal that says how to find numbers. */
    public static TicketRow find(DSLContext tx, TicketNumber number) {
        return new TicketRepository(tx).byNumber(number).orElseThrow(() -> new RefusedException("ticket " + number
                + " does not exist (see: postdesk ticket list)"));
    }

    /** The agent with this id or address (active or not), or a refusal that says how to list agents. */
    public static Agent agent(AgentRepository agents, String idOrAddress) {
        return (idOrAddress.matches("\\d{1,18}") ? agents.byId(Long.parseLong(idOrAddress))
                : agents.byAddress(idOrAddress))
                .orElseThrow(() -> new RefusedException("no agent " + idOrAddress + " (see: postdesk agent list)"));
    }

    /** Refuses to change a ticket that was merged: its conversation lives in the survivor now. */
    private static void refuseMerged(DSLContext tx, TicketRow t, String what) {
        TicketRepository tickets = new TicketRepository(tx);
        tickets.merges().mergedInto(t.id()).flatMap(tickets::byId).ifPresent(survivor -> {
            throw new RefusedException("ticket " + t.number() + " was merged into " + survivor.number() + ": " + what
                    + " ticket " + survivor.number() + " instead");
        });
    }

    private static String who(DSLContext tx, Owner owner) {
        return new AgentRepository(tx).byId(owner.agentId()).map(Agent::primaryAddress)
                .orElse("agent " + owner.agentId());
    }
}
