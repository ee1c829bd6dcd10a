package org.postdesk.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.postdesk.mail.AttachmentRef;
import org.postdesk.mail.MailAddress;
import org.postdesk.outbound.CustomerReply;
import org.postdesk.outbound.ReplyModel;
import org.postdesk.outbound.ReplyRelay;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Conversation;
import org.postdesk.store.EventRepository;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MessageRow;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.tickets.SubjectTag;
import org.postdesk.tickets.TicketStatus;

/**
 * Sends an agent's text to the customer: from the support address in the agent's name, to the
 * requester with the ticket's CCs (never an agent), threaded under the customer's last message,
 * with the attachments of the agent's mail. Call it only once the agent holds the ticket.
 */
final class AgentRelay {
    private final SubjectTag tags = new SubjectTag();
    private final ReplyRelay relay;

    AgentRelay(ReplyRelay relay) {
        this.relay = relay;
    }

    /**
     * Queues {@code text} as the agent's reply; {@code agentMessageId} is the stored agent mail. Returns
     * where a reply token was still found when it was not queued (the last guard, issue 9), else empty.
     */
    Optional<String> relay(DSLContext tx, AgentReply r, String text, long agentMessageId, Instant now) {
        TicketRow t = new TicketRepository(tx).byId(r.ticket().id()).orElseThrow();
        Mailbox mb = r.ticketMailbox();
        Conversation conversation = new Conversation(tx);
        List<MailAddress> cc = copies(tx, t);
        MessageRow last = conversation.lastCustomerMessage(t.id()).orElse(null);
        ReplyModel model = new ReplyModel(tags.format(mb.tagLabel(), t.number()), t.number().toString(), t.subject(),
                text, r.agent().name(), mb.tagLabel(), mb.address());
        // Referenced, not loaded: the outbox sender reads the files from the store when it sends the reply.
        List<AttachmentRef> files = StoredAttachments.kept(tx, agentMessageId);
        ReplyRelay.Outcome out = relay.relay(tx, new CustomerReply(mb.id(), t.id(), t.locale(),
                new MailAddress(mb.address(), r.agent().name()), new MailAddress(t.requester(), t.requesterName()), cc,
                model, last == null ? null : last.messageId(), references(last), files, now));
        EventRepository events = new EventRepository(tx);
        if (!out.queued()) {
            events.record(t.id(), now, r.agent().primaryAddress(), "token-withheld",
                    "reply not sent: a reply token was still in " + out.withheldBecause());
            return Optional.of(out.withheldBecause());
        }
        conversation.markAuthor(out.messageId(), r.agent().id());
        events.record(t.id(), now, r.agent().primaryAddress(), "reply-out", "to " + t.requester()
                + (cc.isEmpty() ? "" : ", cc " + cc.stream().map(MailAddress::address).collect(Collectors.joining(", ")))
                + (files.isEmpty() ? "" : ", " + files.size() + " attachment(s)"));
        TicketStatus after = t.status().onAgentReply();
        if (after != t.status()) {
            new TicketRepository(tx).updateStatus(t.id(), after, now);
            events.record(t.id(), now, r.agent().primaryAddress(), "status", t.status() + " -> " + after);
        }
        return Optional.empty();
    }

    private static List<MailAddress> copies(DSLContext tx, TicketRow t) {
        Set<String> agents = new AgentRepository(tx).allAddresses();
        return new TicketRepository(tx).participantsWithRole(t.id(), "CC").stream()
                .filter(a -> !agents.contains(a) && !a.equals(t.requester()))
                .map(a -> new MailAddress(a, null)).collect(Collectors.toList());
    }

    private static List<String> references(MessageRow last) {
        List<String> refs = new ArrayList<>();
        if (last == null) {
            return refs;
        }
        if (last.refs() != null && !last.refs().isBlank()) {
            refs.addAll(Arrays.asList(last.refs().trim().split("\\s+")));
        }
        if (last.messageId() != null && !refs.contains(last.messageId())) {
            refs.add(last.messageId());
        }
        return refs;
    }
}
