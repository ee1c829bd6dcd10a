package org.postdesk.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.app.OwnershipNotices;
import org.postdesk.outbound.NoticeDetails;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Conversation;
import org.postdesk.store.EventRepository;
import org.postdesk.store.MessageRow;
import org.postdesk.store.OwnershipRepository;
import org.postdesk.store.TicketRepository;
import org.postdesk.tickets.agent.Owner;

/**
 * Tells agents when a ticket changes hands without their doing (invariant 5, "nobody is forgotten"): the
 * agent a ticket is assigned to gets the customer's latest message with a reply token, so they can answer
 * at once; the agent it was taken from learns that their replies are held from now on; and when a ticket
 * is let go, or its owner disabled, the mailbox's agents are told it is free. Queued in the caller's transaction.
 */
public final class Handover implements OwnershipNotices {
    public static final String KIND = "HANDOVER";
    private static final String TEMPLATE = "handover";

    private final AgentNotices notices;

    public Handover(AgentNotices notices) {
        this.notices = notices;
    }

    /** The notices it sends with; other ownership-like changes (an escalation) use the same. */
    AgentNotices notices() {
        return notices;
    }

    /**
     * {@code to} now owns the ticket, by {@code by} ({@code byAgentIdOrNull} when an agent did it);
     * {@code previous} is who held it before. Nobody is told about their own doing.
     */
    @Override
    public void assigned(DSLContext tx, long ticketId, Agent to, Optional<Owner> previous, String by,
                         Long byAgentIdOrNull, Instant now) {
        if (!isActor(to.id(), byAgentIdOrNull)) {
            send(tx, ticketId, to, NoticeDetails.Handover.ASSIGNED_TO_YOU, by, customerText(tx, ticketId), now);
        }
        previous.filter(o -> o.agentId() != to.id() && !isActor(o.agentId(), byAgentIdOrNull))
                .flatMap(o -> new AgentRepository(tx).byId(o.agentId()))
                .filter(Agent::active)
                .ifPresent(p -> send(tx, ticketId, p, NoticeDetails.Handover.TAKEN_FROM_YOU, by, "", now));
    }

    /**
     * The ticket was let go ({@code #release}, or {@code postdesk ticket release}): the mailbox's active
     * agents learn it is free, all but the one who let it go.
     */
    @Override
    public void released(DSLContext tx, long ticketId, String by, Long byAgentIdOrNull, Instant now) {
        long mailboxId = new TicketRepository(tx).byId(ticketId).orElseThrow().mailboxId();
        String text = customerText(tx, ticketId);
        for (Agent agent : new AgentRepository(tx).activeForMailbox(mailboxId)) {
            if (!isActor(agent.id(), byAgentIdOrNull)) {
                send(tx, ticketId, agent, NoticeDetails.Handover.RELEASED, by, text, now);
            }
        }
    }

    /**
     * Frees every open ticket {@code disabled} holds and tells the other active agents of each ticket's
     * mailbox; returns the ticket numbers freed.
     */
    public List<String> ownerDisabled(DSLContext tx, Agent disabled, String by, Instant now) {
        OwnershipRepository ownership = new OwnershipRepository(tx);
        TicketRepository tickets = new TicketRepository(tx);
        AgentRepository agents = new AgentRepository(tx);
        List<String> freed = new ArrayList<>();
        for (OwnershipRepository.Owned o : ownership.ownedOpenTickets()) {
            if (o.owner().agentId() != disabled.id() || !ownership.release(o.ticketId(), o.owner(), now)) {
                continue;
            }
            freed.add(tickets.byId(o.ticketId()).orElseThrow().number().toString());
            new EventRepository(tx).record(o.ticketId(), now, by, "release",
                    "owner " + disabled.primaryAddress() + " disabled");
            String text = customerText(tx, o.ticketId());
            for (Agent agent : agents.activeForMailbox(o.mailboxId())) {
                if (agent.id() != disabled.id()) {
                    send(tx, o.ticketId(), agent, NoticeDetails.Handover.OWNER_DISABLED, by, text, now);
                }
            }
        }
        return freed;
    }

    /** How an agent is named in the notice: {@code Name <address>}. */
    public static String describe(Agent agent) {
        return agent.display();
    }

    private static boolean isActor(long agentId, Long byAgentIdOrNull) {
        return byAgentIdOrNull != null && byAgentIdOrNull == agentId;
    }

    private static String customerText(DSLContext tx, long ticketId) {
        return new Conversation(tx).lastCustomerMessage(ticketId).map(MessageRow::bodyText)
                .map(Columns::text).orElse("");
    }

    private void send(DSLContext tx, long ticketId, Agent agent, String change, String by, String text, Instant now) {
        notices.send(tx, agent, new AgentNotices.About(ticketId, TEMPLATE, KIND,
                new NoticeDetails.Handover(change, by, text), null, null, List.of()), now);
    }
}
