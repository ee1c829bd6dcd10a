package org.postdesk.tickets.agent;

import java.time.Instant;
import java.util.Objects;

/** The agent who holds a ticket, and since when. */
public record Owner(long agentId, Instant since) {
    public Owner {
        Objects.requireNonNull(since, "since");
    }
}
