package org.postdesk.deadlines;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.postdesk.ingest.AgentNotices;
import org.postdesk.outbound.BusinessTimeText;
import org.postdesk.outbound.SlaNoticeDetails;
import org.postdesk.sla.Deadline;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.EventRepository;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.TicketDetailsRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.store.TierRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warnings before a target is due and escalations to the second line, each in the caller's transaction
 * and each in the audit. Whether to send at all (exactly once) is decided by the caller's claim on
 * {@code sla_notice}; this class only says who is told and what.
 */
public final class Escalations {
    private static final Logger log = LoggerFactory.getLogger(Escalations.class);
    public static final String WARNING_KIND = "SLA_WARNING";
    public static final String ESCALATION_KIND = "ESCALATION";
    /** The daemon itself, as the audit names it. */
    public static final String SYSTEM = "postdesk";
    private static final List<String> PRIORITIES = List.of("LOW", "NORMAL", "HIGH", "URGENT");

    private final AgentNotices notices;

    public Escalations(AgentNotices notices) {
        this.notices = notices;
    }

    /** Warns the owner, or the mailbox's first line when nobody (active) holds the ticket. */
    void warn(DSLContext tx, SlaSync.Replayed r, Deadline d, Instant now) {
        TicketRow t = r.ticket();
        List<Agent> to = owner(tx, t);
        if (to.isEmpty()) {
            to = firstLine(tx, t.mailboxId());
        }
        SlaNoticeDetails.Warning details = new SlaNoticeDetails.Warning(d.target().key(), when(r, d.dueAt(), tx, t),
                BusinessTimeText.duration(d.left()));
        send(tx, t, to, "sla-warning", WARNING_KIND, details, now);
        new EventRepository(tx).record(t.id(), now, SYSTEM, "sla-warning", d.target().key() + " due " + d.dueAt()
                + ", told " + names(to));
        log.info("sla warning: {} due {}, told {} agent(s)", d.target().key(), d.dueAt(), to.size());
    }

    /** A breach: marks the ticket escalated, raises its priority per policy, tells the second line and lead. */
    void breach(DSLContext tx, SlaSync.Replayed r, Deadline d, Instant now) {
        TicketRow t = r.ticket();
        r.policy().escalatePriority().ifPresent(p -> raisePriority(tx, t, p, now));
        String reason = d.target().key() + " breached";
        new TierRepository(tx).escalate(t.id(), now);
        List<Agent> to = secondLineAndLead(tx, t.mailboxId());
        new EventRepository(tx).record(t.id(), now, SYSTEM, "escalation", reason + " (due " + d.dueAt() + "), told "
                + names(to));
        send(tx, t, to, "escalation", ESCALATION_KIND, new SlaNoticeDetails.Escalation(reason, d.target().key(),
                when(r, d.dueAt(), tx, t), SYSTEM, history(tx, t.id()), t.ownerAgentId() == null), now);
        log.info("sla breach: {} due {}, escalated to {} agent(s)", d.target().key(), d.dueAt(), to.size());
    }

    /**
     * An agent's {@code #escalate}: the ticket is marked escalated and the second line and lead are told.
     * Returns false (nothing done) when it already is escalated.
     */
    public boolean byAgent(DSLContext tx, TicketRow t, Agent by, String reason, Instant now) {
        if (!new TierRepository(tx).escalate(t.id(), now)) {
            return false;
        }
        String why = reason == null || reason.isBlank() ? "escalated by " + by.name() : reason.strip();
        List<Agent> to = secondLineAndLead(tx, t.mailboxId()).stream().filter(a -> a.id() != by.id()).toList();
        new EventRepository(tx).record(t.id(), now, by.primaryAddress(), "escalation", why + ", told " + names(to));
        send(tx, t, to, "escalation", ESCALATION_KIND, new SlaNoticeDetails.Escalation(why, "", "", by.display(),
                history(tx, t.id()), t.ownerAgentId() == null), now);
        return true;
    }

    private void raisePriority(DSLContext tx, TicketRow t, String to, Instant now) {
        String target = to.toUpperCase(Locale.ROOT);
        if (PRIORITIES.indexOf(target) > PRIORITIES.indexOf(t.priority().toUpperCase(Locale.ROOT))) {
            new TicketDetailsRepository(tx).setPriority(t.id(), target, now);
            new EventRepository(tx).record(t.id(), now, SYSTEM, "priority", t.priority() + " -> " + target
                    + ", SLA breached");
        }
    }

    private void send(DSLContext tx, TicketRow t, List<Agent> to, String template, String kind, Object details,
                      Instant now) {
        for (Agent agent : to) {
            notices.send(tx, agent, new AgentNotices.About(t.id(), template, kind, details, null, null, List.of()), now);
        }
    }

    private static List<Agent> owner(DSLContext tx, TicketRow t) {
        return t.ownerAgentId() == null ? List.of()
                : new AgentRepository(tx).byId(t.ownerAgentId()).filter(Agent::active).map(List::of).orElse(List.of());
    }

    /** The first line; the whole team when the mailbox has no first-line agent. */
    private static List<Agent> firstLine(DSLContext tx, long mailboxId) {
        List<Agent> first = new TierRepository(tx).activeOfTier(mailboxId, TierRepository.FIRST_LINE);
        return first.isEmpty() ? new AgentRepository(tx).activeForMailbox(mailboxId) : first;
    }

    /** The second line and the team lead, each once; the whole team when the mailbox has neither. */
    static List<Agent> secondLineAndLead(DSLContext tx, long mailboxId) {
        TierRepository tiers = new TierRepository(tx);
        Map<Long, Agent> to = new LinkedHashMap<>();
        tiers.activeOfTier(mailboxId, TierRepository.SECOND_LINE).forEach(a -> to.put(a.id(), a));
        tiers.teamLead(mailboxId).flatMap(id -> new AgentRepository(tx).byId(id)).filter(Agent::active)
                .ifPresent(a -> to.putIfAbsent(a.id(), a));
        return to.isEmpty() ? new AgentRepository(tx).activeForMailbox(mailboxId) : new ArrayList<>(to.values());
    }

    private static List<String> history(DSLContext tx, long ticketId) {
        return new EventRepository(tx).byTicket(ticketId).stream()
                .map(e -> e.at() + " " + e.actor() + " " + e.type() + (e.detail() == null ? "" : ": " + e.detail()))
                .toList();
    }

    private static String when(SlaSync.Replayed r, Instant at, DSLContext tx, TicketRow t) {
        return at == null ? "" : BusinessTimeText.when(at, r.calendar().zone(), mailboxLocale(tx, t));
    }

    private static String mailboxLocale(DSLContext tx, TicketRow t) {
        return new MailboxRepository(tx).byId(t.mailboxId()).map(Mailbox::locale).orElse("en");
    }

    private static String names(List<Agent> agents) {
        return agents.isEmpty() ? "nobody" : String.join(", ", agents.stream().map(Agent::primaryAddress).toList());
    }
}
