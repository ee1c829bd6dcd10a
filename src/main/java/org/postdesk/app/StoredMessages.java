package org.postdesk.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.postdesk.mail.Attachment;
import org.postdesk.mail.InboundMessage;
import org.postdesk.mail.MailAddress;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.NewMessage;
import org.postdesk.store.StoredAttachment;
import org.postdesk.store.StreamedValue;
import org.postdesk.tickets.MessageFacts;

/** Writes an inbound message and its attachments into a ticket. */
final class StoredMessages {
    private StoredMessages() {
    }

    /** Stores the message; throws {@link DuplicateRaceException} when another worker was faster. */
    static long store(DSLContext tx, long ticketId, long mailboxId, Long uid, InboundMessage m, String kind,
                      MessageFacts facts, Instant now) {
        MessageRepository messages = new MessageRepository(tx);
        List<String> notes = new ArrayList<>(m.parseNotes());
        String dedupeKey = facts.dedupeKey();
        if (facts.messageId() != null && messages.existsDedupeKey(dedupeKey)) {
            if (messages.existsWithContent(dedupeKey, facts.contentHash())) {
                // Another worker (the same mail delivered to a second watched mailbox) committed it after our
                // threading looked: a duplicate, not a reused id; the retry finds it.
                throw new DuplicateRaceException(dedupeKey);
            }
            // Threading found no message with this id and this content: the sender reused the id.
            dedupeKey = facts.reusedIdKey();
            notes.add("the sender reused the Message-ID " + facts.messageId() + " of an earlier, different message");
        }
        String note = notes.isEmpty() ? null : String.join("; ", notes);
        long id = messages.insert(new NewMessage(ticketId, mailboxId, NewMessage.Direction.IN, kind, dedupeKey,
                Columns.usableMessageId(m.messageId()), Columns.fit(m.inReplyTo(), Columns.MESSAGE_ID),
                String.join(" ", m.references()),
                m.from() == null ? null : Columns.fit(m.from().address(), Columns.ADDRESS),
                m.from() == null ? null : Columns.fit(Columns.text(m.from().name()), Columns.ADDRESS),
                join(m.to()), join(m.cc()), Columns.text(m.subject()), m.sentAt(), now, Columns.text(m.textBody()),
                Columns.text(m.htmlBody()), null, note, uid, facts.contentHash(),
                new StreamedValue(m.raw().length(), m.raw()::open))).orElseThrow(() -> new DuplicateRaceException(facts.dedupeKey()));
        for (Attachment a : m.attachments()) {
            messages.insertAttachment(id, new StoredAttachment(Columns.fit(Columns.text(a.filename()), 1000),
                    Columns.fit(Columns.text(a.contentType()), 255), a.size(),
                    a.content() == null ? null : new StreamedValue(a.content().length(), a.content()::open), a.droppedReason(),
                    Columns.fit(Columns.text(a.originalFilename()), 4000)));
        }
        return id;
    }

    private static String join(List<MailAddress> addresses) {
        return addresses.stream().map(MailAddress::address).collect(Collectors.joining(", "));
    }
}
