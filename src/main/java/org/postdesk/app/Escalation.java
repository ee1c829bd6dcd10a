package org.postdesk.app;

import java.util.List;
import org.postdesk.outbound.SlaNoticeDetails;
import org.postdesk.store.Agent;
import org.postdesk.store.EventRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.store.TierRepository;

/**
 * An agent's {@code #escalate [reason]}: the ticket is marked escalated and the second line and the
 * mailbox's team lead get the {@code escalation} notice (the escalating agent is not told of their own
 * doing). A ticket already escalated is left alone, so they are told once.
 */
final class Escalation {
    static final String KIND = "ESCALATION";

    private Escalation() {
    }

    static void byAgent(TicketAction.Context c, String reason) {
        TierRepository tiers = new TierRepository(c.tx());
        if (!tiers.escalate(c.ticketId(), c.now())) {
            c.event("escalation", "already escalated; nobody told again");
            return;
        }
        TicketRow t = c.ticket();
        Agent by = c.agent();
        String why = reason.isBlank() ? "escalated by " + by.name() : reason.strip();
        List<Agent> to = tiers.secondLineAndLead(t.mailboxId()).stream().filter(a -> a.id() != by.id()).toList();
        c.event("escalation", why + ", told " + (to.isEmpty() ? "nobody"
                : String.join(", ", to.stream().map(Agent::primaryAddress).toList())));
        List<String> history = new EventRepository(c.tx()).byTicket(t.id()).stream()
                .map(e -> e.at() + " " + e.actor() + " " + e.type() + (e.detail() == null ? "" : ": " + e.detail()))
                .toList();
        SlaNoticeDetails.Escalation details = new SlaNoticeDetails.Escalation(why, "", "", by.display(), history,
                t.ownerAgentId() == null);
        for (Agent agent : to) {
            c.handover().notices().send(c.tx(), agent, new AgentNotices.About(t.id(), "escalation", KIND, details, null,
                    null, List.of()), c.now());
        }
    }
}
