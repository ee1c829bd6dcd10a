package org.postdesk.tickets;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What threading needs to know about an existing ticket.
 *
 * @param id           the store's key
 * @param number       the displayed number
 * @param status       the current status
 * @param closedAt     when it was last closed (or marked spam); null when it never was
 * @param participants lower-case addresses of the requester, CCs and agents
 */
public record TicketRef(long id, TicketNumber number, TicketStatus status, Instant closedAt,
                        Set<String> participants) {

    public TicketRef {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        participants = participants == null ? Set.of()
                : participants.stream().map(a -> a.strip().toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether {@code address} (any case) takes part in this ticket. */
    public boolean hasParticipant(String address) {
        return address != null && participants.contains(address.strip().toLowerCase(Locale.ROOT));
    }
}
