package org.postdesk.cli;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.postdesk.sla.Deadline;
import org.postdesk.store.AttachmentRow;
import org.postdesk.store.EventRepository;
import org.postdesk.store.MessageRow;
import org.postdesk.store.TicketRow;
import org.postdesk.store.TicketSla;
import org.postdesk.sla.SlaState;

/** A ticket as {@code ticket show} prints it, text or JSON; {@code owner} is the owning agent as "Name <address>". */
record TicketView(String number, String status, String priority, String category, String subject, String requester,
                  String requesterName, String mailbox, String locale, Long ownerAgentId, String owner, Instant ownerSince,
                  String linkedTo, Instant createdAt, Instant updatedAt, Instant closedAt, List<String> participants,
                  List<MessageView> messages, List<EventView> events, List<SlaView> sla, Instant escalatedAt) {

    /** One SLA target of the ticket now (issue 11): state ok|warning|breached|met|paused, due time, time left. */
    record SlaView(String target, int cycle, String state, Instant dueAt, Instant warnAt, long leftMinutes,
                   Instant metAt, boolean late) {
        static SlaView of(Deadline d) {
            return new SlaView(d.target().key(), d.cycle(), d.state().key(), d.dueAt(), d.warnAt(), d.left().toMinutes(),
                    d.metAt(), d.late());
        }
    }

    /** One message; {@code newText} is what a customer added (quoted history left out), null for other messages. */
    record MessageView(long id, String direction, String kind, Instant time, String from, String to, String cc,
                       String subject, String messageId, String text, String parseNote, List<AttachmentView> attachments,
                       String newText) {
    }

    record AttachmentView(String filename, String contentType, long size, String dropped) {
    }

    record EventView(Instant at, String actor, String type, String detail) {
    }

    /** {@code dueAt}/{@code sla}: the open target due first and its state, as last stored; null when none. */
    record Summary(String number, String status, String priority, String subject, String requester, Long ownerAgentId,
                   Instant createdAt, Instant updatedAt, Instant dueAt, String sla) {
        static Summary of(TicketRow t, List<TicketSla> sla) {
            TicketSla first = sla.stream().filter(s -> s.state() != SlaState.MET && s.dueAt() != null)
                    .min(Comparator.comparing(TicketSla::dueAt)).orElse(null);
            return new Summary(t.number().toString(), t.status().name(), t.priority(), t.subject(), t.requester(),
                    t.ownerAgentId(), t.createdAt(), t.updatedAt(), first == null ? null : first.dueAt(),
                    first == null ? null : first.target().key() + " " + first.state().key());
        }
    }

    static MessageView message(MessageRow m, List<AttachmentRow> attachments) {
        List<AttachmentView> own = attachments.stream().filter(a -> a.messageId() == m.id())
                .map(a -> new AttachmentView(a.filename(), a.contentType(), a.size(), a.droppedReason())).toList();
        Instant time = m.sentAt() != null && m.direction() == org.postdesk.store.NewMessage.Direction.IN
                ? m.sentAt() : m.storedAt();
        String from = m.fromName() == null ? m.fromAddr() : m.fromName() + " <" + m.fromAddr() + ">";
        return new MessageView(m.id(), m.direction().name(), m.kind(), time, from, m.toAddrs(), m.ccAddrs(),
                m.subject(), m.messageId(), m.bodyText(), m.parseNote(), own,
                m.direction() == org.postdesk.store.NewMessage.Direction.IN && m.bodyText() != null
                        ? QuoteMarks.newText(m.bodyText()) : null);
    }

    static EventView event(EventRepository.TicketEvent e) {
        return new EventView(e.at(), e.actor(), e.type(), e.detail());
    }
}
