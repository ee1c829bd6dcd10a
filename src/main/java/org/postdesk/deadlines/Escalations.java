package org.postdesk.deadlines;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.postdesk.app.AgentNotices;
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

    static List<Agent> secondLineAndLead(DSLContext tx, long mailboxId) {
        return new TierRepository(tx).secondLineAndLead(mailboxId);
    }

    /** The ticket's audit trail, one line per event, oldest first, as the escalation notice shows it. */
    public static List<String> history(DSLContext tx, long ticketId) {
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
