package org.postdesk.ingest;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.postdesk.mail.Attachment;
import org.postdesk.mail.InboundMessage;
import org.postdesk.mail.MailAddress;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.NewMessage;
import org.postdesk.store.StoredAttachment;

/** Writes an inbound message and its attachments into a ticket. */
final class StoredMessages {
    private StoredMessages() {
    }

    /** Stores the message; throws {@link DuplicateRaceException} when another worker was faster. */
    static long store(DSLContext tx, long ticketId, long mailboxId, Long uid, InboundMessage m, String kind,
                      String dedupeKey, Instant now) {
        MessageRepository messages = new MessageRepository(tx);
        String note = m.parseNotes().isEmpty() ? null : String.join("; ", m.parseNotes());
        long id = messages.insert(new NewMessage(ticketId, mailboxId, NewMessage.Direction.IN, kind, dedupeKey,
                Columns.usableMessageId(m.messageId()), Columns.fit(m.inReplyTo(), Columns.MESSAGE_ID),
                String.join(" ", m.references()),
                m.from() == null ? null : Columns.fit(m.from().address(), Columns.ADDRESS),
                m.from() == null ? null : Columns.fit(Columns.text(m.from().name()), Columns.ADDRESS),
                join(m.to()), join(m.cc()), Columns.text(m.subject()), m.sentAt(), now, Columns.text(m.textBody()),
                Columns.text(m.htmlBody()), m.raw(),
                note, uid)).orElseThrow(() -> new DuplicateRaceException(dedupeKey));
        for (Attachment a : m.attachments()) {
            messages.insertAttachment(id, new StoredAttachment(Columns.fit(Columns.text(a.filename()), 1000),
                    Columns.fit(Columns.text(a.contentType()), 255), a.size(), a.content(), a.droppedReason(),
                    Columns.fit(Columns.text(a.originalFilename()), 4000)));
        }
        return id;
    }

    private static String join(List<MailAddress> addresses) {
        return addresses.stream().map(MailAddress::address).collect(Collectors.joining(", "));
    }
}
