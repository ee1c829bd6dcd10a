package org.postdesk.outbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.postdesk.mail.ComposedMail;
import org.postdesk.mail.MailAddress;
import org.postdesk.mail.MimeComposer;
import org.postdesk.mail.OutboundMail;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.NewMessage;
import org.postdesk.store.NewOutboxItem;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.OutboxSplice;

/**
 * The only way mail leaves Postdesk: composes the MIME once, queues it in the caller's transaction and
 * records it as an outgoing message of the ticket, so a reply to it threads back to that ticket. Stored
 * attachments are referenced by the outbox row, not copied into it (the sender reads them at send time).
 */
public final class OutboundQueue {
    private final MimeComposer composer;

    public OutboundQueue(MimeComposer composer) {
        this.composer = composer;
    }

    /** Queues {@code mail} in {@code tx}; returns the outbox row's id. */
    public long queue(DSLContext tx, long mailboxId, long ticketId, String kind, OutboundMail mail, Instant now) {
        return queueAll(tx, List.of(new Queued(mailboxId, ticketId, kind, mail, now))).get(0);
    }

    /** One mail of a ticket to queue. */
    public record Queued(long mailboxId, long ticketId, String kind, OutboundMail mail, Instant now) {
    }

    /**
     * Queues each of {@code mails} in {@code tx}, their outbox rows with one statement and their ticket messages with
     * another (issue 16: a team's notices were two statements per agent); returns the outbox ids in the order given.
     */
    public List<Long> queueAll(DSLContext tx, List<Queued> mails) {
        List<NewOutboxItem> items = new ArrayList<>();
        List<NewMessage> messages = new ArrayList<>();
        for (Queued q : mails) {
            OutboundMail mail = q.mail();
            ComposedMail composed = composer.composeSpliced(mail);
            List<String> recipients = Stream.concat(mail.to().stream(), mail.cc().stream())
                    .map(MailAddress::address).distinct().collect(Collectors.toList());
            List<OutboxSplice> splices = composed.splices().stream()
                    .map(s -> new OutboxSplice(s.offset(), s.attachmentId())).toList();
            items.add(new NewOutboxItem(q.mailboxId(), q.ticketId(), q.kind(), mail.messageId(), mail.from().address(),
                    recipients, composed.raw(), q.now(), splices));
            messages.add(new NewMessage(q.ticketId(), q.mailboxId(), NewMessage.Direction.OUT, q.kind(),
                    mail.messageId(), mail.messageId(), mail.inReplyTo(), String.join(" ", mail.references()),
                    mail.from().address(), mail.from().name(), join(mail.to()), join(mail.cc()), mail.subject(),
                    q.now(), q.now(), mail.textBody(), mail.htmlBody(), null, null, null));
        }
        List<Long> outboxIds = new OutboxRepository(tx).enqueueAll(items);
        new MessageRepository(tx).insertOutbound(messages);
        return outboxIds;
    }

    /**
     * Queues {@code mail} that concerns no ticket (a notice about a mailbox) in {@code tx}: an outbox row only, no
     * ticket message. Returns the outbox row's id.
     */
    public long queueWithoutTicket(DSLContext tx, long mailboxId, String kind, OutboundMail mail, Instant now) {
        ComposedMail composed = composer.composeSpliced(mail);
        List<String> recipients = Stream.concat(mail.to().stream(), mail.cc().stream())
                .map(MailAddress::address).distinct().collect(Collectors.toList());
        return new OutboxRepository(tx).enqueue(new NewOutboxItem(mailboxId, null, kind, mail.messageId(),
                mail.from().address(), recipients, composed.raw(), now, List.of()));
    }

    private static String join(List<MailAddress> addresses) {
        return addresses.stream().map(MailAddress::address).collect(Collectors.joining(", "));
    }
}
