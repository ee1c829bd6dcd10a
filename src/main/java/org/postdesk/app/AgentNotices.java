package org.postdesk.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.postdesk.mail.AttachmentRef;
import org.postdesk.mail.MailAddress;
import org.postdesk.outbound.AgentMailer;
import org.postdesk.outbound.AgentNotice;
import org.postdesk.outbound.TicketSummary;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Conversation;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.tickets.SubjectTag;

/** Builds and queues the mails to agents about one ticket, reading the ticket as it is now in {@code tx}. */
public final class AgentNotices {
    private final SubjectTag tags = new SubjectTag();
    private final AgentMailer mailer;

    public AgentNotices(AgentMailer mailer) {
        this.mailer = mailer;
    }

    /** What one notice is about. {@code heldReplyId} and {@code inReplyTo} may be null. */
    public record About(long ticketId, String template, String kind, Object details, Long heldReplyId,
                        String inReplyTo, List<AttachmentRef> attachments) {
        public About {
            attachments = List.copyOf(attachments);
        }
    }

    /** Queues the notice to {@code agent} in {@code tx}; returns the notification id. */
    public long send(DSLContext tx, Agent agent, About about, Instant now) {
        return sendEach(tx, List.of(agent), about, now).get(0);
    }

    /**
     * Queues the same notice to each of {@code agents} in {@code tx}, reading the ticket, its mailbox and
     * its conversation once for all of them; returns the notification ids in the agents' order.
     */
    public List<Long> sendEach(DSLContext tx, List<Agent> agents, About about, Instant now) {
        if (agents.isEmpty()) {
            return List.of();
        }
        TicketRow ticket = new TicketRepository(tx).byId(about.ticketId()).orElseThrow(
                () -> new IllegalStateException("ticket id " + about.ticketId() + " vanished inside its transaction"));
        return sendEach(tx, new Current(ticket, new Conversation(tx).latestId(ticket.id())), agents, about, now);
    }

    /**
     * The ticket as it is now in the caller's transaction, and the id of its latest conversation message
     * ({@link Conversation#latestId}), when the caller knows both: ingest has just written them, and reading them
     * back cost two statements per message.
     */
    public record Current(TicketRow ticket, long latestMessageId) {
    }

    /** {@link #sendEach(DSLContext, List, About, Instant)} about the ticket {@code current} shows. */
    public List<Long> sendEach(DSLContext tx, Current current, List<Agent> agents, About about, Instant now) {
        if (agents.isEmpty()) {
            return List.of();
        }
        TicketRow ticket = current.ticket();
        Mailbox mailbox = new MailboxRepository(tx).byId(ticket.mailboxId()).orElseThrow();
        TicketSummary summary = summary(tx, ticket, mailbox);
        List<AgentNotice> each = new ArrayList<>(agents.size());
        for (Agent agent : agents) {
            each.add(new AgentNotice(about.template(), about.kind(), mailbox.id(),
                    new MailAddress(mailbox.address(), mailbox.tagLabel()), mailbox.locale(), ticket.id(), agent.id(),
                    agent.name(), agent.primaryAddress(), current.latestMessageId(), about.heldReplyId(), summary,
                    about.details(), about.attachments(), about.inReplyTo(), now));
        }
        return mailer.sendAll(tx, each);
    }

    TicketSummary summary(DSLContext tx, TicketRow t, Mailbox mailbox) {
        return new TicketSummary(tags.format(mailbox.tagLabel(), t.number()), t.number().toString(), t.subject(),
                t.status().name(), t.priority(), ownerShown(tx, t), t.requester());
    }

    /** Who holds {@code t}, as notices show it: {@code Name <address>}, or {@code nobody}. */
    public static String ownerShown(DSLContext tx, TicketRow t) {
        return t.ownerAgentId() == null ? "nobody"
                : new AgentRepository(tx).byId(t.ownerAgentId()).map(Agent::display).orElse("agent " + t.ownerAgentId());
    }
}
