package org.postdesk.sla;

import java.time.Instant;
import org.postdesk.tickets.TicketStatus;

/** What happened to a ticket, as far as its SLA clocks care; replayed in order by {@link SlaClock}. */
public sealed interface SlaEvent {
    Instant at();

    /** The ticket was opened by a customer's message. */
    record Opened(Instant at) implements SlaEvent {
    }

    /** The customer (or another participant) wrote again. */
    record CustomerWrote(Instant at) implements SlaEvent {
    }

    /** An agent's answer was relayed to the customer. */
    record AgentReplied(Instant at) implements SlaEvent {
    }

    /** An agent or admin set the status by hand ({@code #pending}, {@code #close}, {@code ticket reopen}). */
    record StatusSet(Instant at, TicketStatus to) implements SlaEvent {
    }

    /** The ticket was merged into another one: its own clocks stop for good. */
    record MergedAway(Instant at) implements SlaEvent {
    }
}
