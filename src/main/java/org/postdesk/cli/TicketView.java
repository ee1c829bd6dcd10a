package org.postdesk.cli;

import java.time.Instant;
import java.util.List;
import org.postdesk.store.AttachmentRow;
import org.postdesk.store.EventRepository;
import org.postdesk.store.MessageRow;
import org.postdesk.store.TicketRow;

/** A ticket as {@code ticket show} prints it, text or JSON. */
record TicketView(String number, String status, String priority, String category, String subject, String requester,
                  String requesterName, String mailbox, String locale, Long ownerAgentId, Instant ownerSince,
                  String linkedTo, Instant createdAt, Instant updatedAt, Instant closedAt, List<String> participants,
                  List<MessageView> messages, List<EventView> events) {

    /** One message; {@code newText} is what a customer added (quoted history left out), null for other messages. */
    record MessageView(long id, String direction, String kind, Instant time, String from, String to, String cc,
                       String subject, String messageId, String text, String parseNote, List<AttachmentView> attachments,
                       String newText) {
    }

    record AttachmentView(String filename, String contentType, long size, String dropped) {
    }

    record EventView(Instant at, String actor, String type, String detail) {
    }

    record Summary(String number, String status, String priority, String subject, String requester, Long ownerAgentId,
                   Instant createdAt, Instant updatedAt) {
        static Summary of(TicketRow t) {
            return new Summary(t.number().toString(), t.status().name(), t.priority(), t.subject(), t.requester(),
                    t.ownerAgentId(), t.createdAt(), t.updatedAt());
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
