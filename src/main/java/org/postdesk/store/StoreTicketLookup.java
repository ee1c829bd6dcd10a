package org.postdesk.store;

import java.util.List;
import java.util.Optional;
import org.postdesk.tickets.MessageFacts;
import org.postdesk.tickets.TicketLookup;
import org.postdesk.tickets.TicketNumber;
import org.postdesk.tickets.TicketRef;

/** The threading rules' view of the store, inside the ingest transaction. */
public final class StoreTicketLookup implements TicketLookup {
    private final MessageRepository messages;
    private final TicketRepository tickets;
    private final TicketMerges merges;

    public StoreTicketLookup(MessageRepository messages, TicketRepository tickets) {
        this.messages = messages;
        this.tickets = tickets;
        this.merges = tickets.merges();
    }

    @Override
    public boolean isStored(String dedupeKey) {
        return messages.existsDedupeKey(dedupeKey);
    }

    /**
     * Same Message-ID and same content, or a Message-ID of a message without fingerprint (our own mail
     * coming back, rows older than the fingerprint): duplicate. Same Message-ID, other content: not.
     */
    @Override
    public boolean isDuplicate(MessageFacts facts) {
        if (facts.messageId() == null) {
            return isStored(facts.dedupeKey());
        }
        List<String> stored = messages.fingerprintsOf(facts.messageId());
        return stored.stream().anyMatch(fp -> fp == null || fp.equals(facts.contentHash()));
    }

    @Override
    public Optional<TicketRef> byMessageId(String messageId) {
        return tickets.byMessageId(messageId).map(this::toRef);
    }

    @Override
    public Optional<TicketRef> byNumber(TicketNumber number) {
        // A merged ticket's number still leads to the conversation: to the ticket it was merged into.
        return tickets.byNumber(number).map(t -> merges.survivorOf(t.id())).flatMap(tickets::byId).map(this::toRef);
    }

    private TicketRef toRef(TicketRow row) {
        return new TicketRef(row.id(), row.number(), row.status(), row.closedAt(), tickets.participants(row.id()));
    }
}
