package org.postdesk.tickets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An in-memory {@link TicketLookup} that also records which message ids were asked for. */
final class FakeTicketLookup implements TicketLookup {

    private final Set<String> stored = new HashSet<>();
    private final Map<String, TicketRef> byMessageId = new HashMap<>();
    private final Map<TicketNumber, TicketRef> byNumber = new HashMap<>();
    final List<String> messageIdsAsked = new ArrayList<>();

    /** Adds {@code ticket} with the ids of messages stored in or sent from it. */
    FakeTicketLookup with(TicketRef ticket, String... messageIds) {
        byNumber.put(ticket.number(), ticket);
        for (String id : messageIds) {
            byMessageId.put(id, ticket);
        }
        return this;
    }

    FakeTicketLookup storing(String dedupeKey) {
        stored.add(dedupeKey);
        return this;
    }

    @Override
    public boolean isStored(String dedupeKey) {
        return stored.contains(dedupeKey);
    }

    @Override
    public Optional<TicketRef> byMessageId(String messageId) {
        messageIdsAsked.add(messageId);
        return Optional.ofNullable(byMessageId.get(messageId));
    }

    @Override
    public Optional<TicketRef> byNumber(TicketNumber n) {
        return Optional.ofNullable(byNumber.get(n));
    }
}
