package org.postdesk.app;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.postdesk.mail.Attachment;
import org.postdesk.mail.AttachmentRef;
import org.postdesk.mail.InboundMessage;
import org.postdesk.mail.ReturnedMessage;
import org.postdesk.outbound.AgentTexts;
import org.postdesk.outbound.NoticeDetails;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.EventRepository;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.Conversation;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.tickets.reply.ExtractedReply;
import org.postdesk.tickets.reply.NoticeFrame;
import org.postdesk.tickets.reply.ReplyExtractor;
import org.postdesk.tickets.reply.Writer;

/**
 * Tells agents about customer mail (invariant 5, "nobody is forgotten"): a new ticket goes to
 * every active agent of its mailbox; a follow-up to the owner, or to the mailbox's agents when
 * nobody (active) holds the ticket.
 */
public final class Notifier {
    public static final String KIND = "NOTIFY";
    private final AgentNotices notices;
    private final DeliveryFailureNotice deliveryFailures;
    private final ReplyExtractor extractor = new ReplyExtractor(new NoticeFrame(AgentTexts.helpPrefixes()));

    public Notifier(AgentNotices notices) {
        this.notices = notices;
        this.deliveryFailures = new DeliveryFailureNotice(notices);
    }

    /**
     * A bounce of mail we sent to the customer (the acknowledgement or an agent's answer) tells the team,
     * as a refusal at sending time does; bounces of anything else, and delay reports, are only stored.
     */
    void bounced(DSLContext tx, long ticketId, InboundMessage m, Instant now) {
        if (!ReturnedMessage.failed(m)) {
            return;
        }
        ReturnedMessage.messageId(m).flatMap(id -> new MessageRepository(tx).outbound(id))
                .filter(sent -> sent.ticketId() == ticketId && DeliveryFailureNotice.isToCustomer(sent.kind()))
                .ifPresent(sent -> {
                    String reason = "bounced: " + ReturnedMessage.reason(m);
                    new EventRepository(tx).record(ticketId, now, TicketWriter.SYSTEM, "delivery-failed",
                            sent.kind() + " to " + sent.toAddrs() + " " + reason);
                    deliveryFailures.tell(tx, ticketId, sent.kind(), sent.toAddrs(), reason, now);
                });
    }

    /**
     * {@code ticket} is the row just inserted, {@code messageId} the stored row of {@code m}, whose kept attachments
     * the notices reference; {@code conversation} says whether that row is a customer message ({@link Conversation}),
     * the ticket's only one then: both are known here, so nothing is read back.
     */
    void newTicket(DSLContext tx, TicketRow ticket, InboundMessage m, long messageId, boolean conversation,
                   Instant now) {
        notify(tx, new AgentNotices.Current(ticket, conversation ? messageId : 0),
                new AgentRepository(tx).activeForMailbox(ticket.mailboxId()), m, messageId, true, now);
    }

    /** {@code messageId} is the customer message just stored, so the latest of the conversation. */
    void followUp(DSLContext tx, long ticketId, InboundMessage m, long messageId, Instant now) {
        TicketRow ticket = new TicketRepository(tx).byId(ticketId).orElseThrow();
        notify(tx, new AgentNotices.Current(ticket, messageId), ownerOrTeam(tx, ticket), m, messageId, false, now);
    }

    /** Who hears about the ticket: its owner while active, else the active agents of its mailbox. */
    static List<Agent> ownerOrTeam(DSLContext tx, long ticketId) {
        return ownerOrTeam(tx, new TicketRepository(tx).byId(ticketId).orElseThrow());
    }

    /** {@link #ownerOrTeam(DSLContext, long)} of the ticket as {@code ticket} shows it now. */
    private static List<Agent> ownerOrTeam(DSLContext tx, TicketRow ticket) {
        AgentRepository agents = new AgentRepository(tx);
        Optional<Agent> owner = Optional.ofNullable(ticket.ownerAgentId()).flatMap(agents::byId).filter(Agent::active);
        return owner.map(List::of).orElseGet(() -> agents.activeForMailbox(ticket.mailboxId()));
    }

    private void notify(DSLContext tx, AgentNotices.Current current, List<Agent> agents, InboundMessage m,
                        long messageId, boolean isNew, Instant now) {
        long ticketId = current.ticket().id();
        // Every notice references the stored files: one copy in the store however many agents are told. A message
        // without attachments has no rows to read.
        List<AttachmentRef> kept = agents.isEmpty() || m.attachments().isEmpty() ? List.of()
                : StoredAttachments.kept(tx, messageId);
        String text = Columns.text(m.textBody());
        // A follow-up shows what is new and folds the quoted history; a new ticket is shown whole.
        ExtractedReply added = isNew ? null : extractor.extract(text, Writer.CUSTOMER);
        NoticeDetails.NewMessage details = new NoticeDetails.NewMessage(isNew,
                m.from() == null || m.from().name() == null ? "" : Columns.text(m.from().name()),
                m.from() == null ? "" : m.from().address(), text,
                m.attachments().stream().map(Notifier::describe).collect(Collectors.toList()),
                added == null ? text : added.text(), added == null ? 0 : added.hiddenLines());
        notices.sendEach(tx, current, agents,
                new AgentNotices.About(ticketId, "notification", KIND, details, null, null, kept), now);
        new EventRepository(tx).record(ticketId, now, TicketWriter.SYSTEM, "notified", agents.isEmpty()
                ? "nobody: no active agent for this mailbox"
                : agents.stream().map(Agent::primaryAddress).collect(Collectors.joining(", ")));
    }

    private static String describe(Attachment a) {
        return a.dropped() ? a.filename() + " (not attached: " + a.droppedReason() + ")" : a.filename();
    }
}
