package org.postdesk.app;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.postdesk.mail.InboundMessage;
import org.postdesk.mail.MailAddress;
import org.postdesk.outbound.AckRequest;
import org.postdesk.outbound.Acknowledgements;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Conversation;
import org.postdesk.store.EventRepository;
import org.postdesk.store.Mailbox;
import org.postdesk.store.NewTicket;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.tickets.AutoreplyBudget;
import org.postdesk.tickets.Deliverability;
import org.postdesk.tickets.SubjectTag;
import org.postdesk.tickets.ThreadingDecision;
import org.postdesk.tickets.TicketNumber;
import org.postdesk.tickets.TicketStatus;

/** The ticket side of ingest: open a new ticket (with its one acknowledgement) or add to one. */
public final class TicketWriter {
    static final String SYSTEM = "postdesk";
    private static final String UNKNOWN_SENDER = "unknown-sender@invalid";
    private final SubjectTag tags = new SubjectTag();
    private final Acknowledgements acks;
    private final AutoreplyBudget budget;
    private final Set<String> locales;
    private final Notifier notifier;

    public TicketWriter(Acknowledgements acks, AutoreplyBudget budget, Set<String> locales, Notifier notifier) {
        this.acks = acks;
        this.budget = budget;
        this.locales = Set.copyOf(locales);
        this.notifier = notifier;
    }

    IngestResult open(DSLContext tx, IngestService.Inbound in, Long linkedTo, String linkReason) {
        return open(tx, in, linkedTo, linkReason, true);
    }

    /** With {@code notify} false the agents are not told (a quarantined message whose notice cannot be written). */
    IngestResult open(DSLContext tx, IngestService.Inbound in, Long linkedTo, String linkReason, boolean notify) {
        InboundMessage m = in.message();
        TicketRepository tickets = new TicketRepository(tx);
        MailAddress requester = InboundFacts.requester(m, in.ownAddresses());
        String requesterAddress = requester == null ? UNKNOWN_SENDER : Columns.fit(requester.address(), Columns.ADDRESS);
        String locale = InboundFacts.locale(m, in.mailbox().locale(), locales);
        TicketNumber number = tickets.nextNumber();
        String subject = displaySubject(m.subject());
        TicketRow ticket = tickets.insertRow(new NewTicket(number, in.mailbox().id(), subject, requesterAddress,
                requester == null ? null : Columns.fit(Columns.text(requester.name()), Columns.ADDRESS), locale, linkedTo, in.now()));
        long ticketId = ticket.id();
        tickets.addRequesterOfNew(ticketId, requesterAddress);
        addCopies(tickets, ticketId, in);
        long messageId = StoredMessages.store(tx, ticketId, in.mailbox().id(), in.uid(), m, kind(in), in.facts(),
                in.now());
        EventRepository events = new EventRepository(tx);
        events.record(ticketId, in.now(), requesterAddress, "created", linkedTo == null ? subject
                : subject + " (linked to ticket id " + linkedTo + ": " + linkReason + ")");
        String ackNote = acknowledge(tx, in, ticketId, number, requester, subject, locale);
        events.record(ticketId, in.now(), SYSTEM, "acknowledgement", ackNote);
        if (notify) {
            notifier.newTicket(tx, ticket, m, messageId, Conversation.CUSTOMER.equals(kind(in)), in.now());
        }
        return new IngestResult(IngestResult.Outcome.NEW_TICKET, number, "new ticket from " + requesterAddress
                + ", " + ackNote);
    }

    IngestResult append(DSLContext tx, IngestService.Inbound in, ThreadingDecision.AppendTo append) {
        TicketRepository tickets = new TicketRepository(tx);
        long ticketId = append.ticket().id();
        long messageId = StoredMessages.store(tx, ticketId, in.mailbox().id(), in.uid(), in.message(), kind(in),
                in.facts(), in.now());
        addCopies(tickets, ticketId, in);
        EventRepository events = new EventRepository(tx);
        String from = in.facts().fromAddress().isEmpty() ? UNKNOWN_SENDER : in.facts().fromAddress();
        events.record(ticketId, in.now(), from, "message-in", in.message().subject());
        TicketStatus before = append.ticket().status();
        TicketStatus after = in.verdict().automated() ? before : before.onCustomerMessage();
        if (after != before) {
            tickets.updateStatus(ticketId, after, in.now());
            events.record(ticketId, in.now(), from, "status", before + " -> " + after);
        } else {
            tickets.touch(ticketId, in.now());
        }
        if (!in.verdict().automated()) {
            // Automated follow-ups (an agent's out-of-office answering a notification) would loop.
            notifier.followUp(tx, ticketId, in.message(), messageId, in.now());
        } else {
            notifier.bounced(tx, ticketId, in.message(), in.now());
        }
        return new IngestResult(IngestResult.Outcome.APPENDED, append.ticket().number(),
                "follow-up from " + from + (after != before ? ", status " + before + " -> " + after : ""));
    }

    private String acknowledge(DSLContext tx, IngestService.Inbound in, long ticketId, TicketNumber number,
                               MailAddress requester, String subject, String locale) {
        if (in.verdict().automated()) {
            return "none: automated mail (" + in.verdict().reason() + ")";
        }
        if (requester == null) {
            return "none: no readable sender address";
        }
        Optional<String> undeliverable = Deliverability.problem(requester.address());
        if (undeliverable.isPresent()) {
            return "none: " + undeliverable.get();
        }
        if (new AgentRepository(tx).byAddress(requester.address()).isPresent()) {
            // An agent opening a ticket gets the notification, not an autoreply as well.
            return "none: the requester is an agent";
        }
        int recent = new OutboxRepository(tx).countSentTo(Acknowledgements.KIND, requester.address(),
                in.now().minus(Duration.ofHours(1)));
        if (!budget.allows(recent)) {
            return "none: " + recent + " autoreplies to " + requester.address() + " in the last hour";
        }
        Mailbox mb = in.mailbox();
        String tag = tags.format(mb.tagLabel(), number);
        acks.queue(tx, new AckRequest(mb.id(), mb.tagLabel(), new MailAddress(mb.address(), mb.tagLabel()), locale,
                ticketId, number, tag, requester, subject, in.message().messageId(), in.message().references(),
                in.now()));
        return "queued to " + requester.address();
    }

    /** Everyone the customer copied stays in the conversation, except our own addresses. */
    private static void addCopies(TicketRepository tickets, long ticketId, IngestService.Inbound in) {
        InboundMessage m = in.message();
        Stream.concat(m.to().stream(), m.cc().stream())
                .map(MailAddress::address)
                .filter(a -> !in.ownAddresses().contains(a))
                .distinct()
                .forEach(a -> tickets.addParticipant(ticketId, a, "CC"));
    }

    private String displaySubject(String subject) {
        String stripped = tags.strip(Columns.text(subject));
        return stripped.isBlank() ? "(no subject)" : stripped;
    }

    private static String kind(IngestService.Inbound in) {
        return in.verdict().automated() ? "AUTOMATED" : "CUSTOMER";
    }
}
