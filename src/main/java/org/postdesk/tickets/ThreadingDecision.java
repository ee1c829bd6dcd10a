package org.postdesk.tickets;

import java.util.Objects;

/** Where an inbound message goes; the outcome of {@link Threading#decide}. */
public sealed interface ThreadingDecision permits ThreadingDecision.Duplicate,
        ThreadingDecision.AppendTo, ThreadingDecision.NewTicket, ThreadingDecision.NewLinkedTicket {

    /** Already stored: skip it, but still flag it on the server. */
    record Duplicate() implements ThreadingDecision {
    }

    /**
     * Belongs to {@code ticket}.
     *
     * @param reopens whether the ticket is closed and this message reopens it
     */
    record AppendTo(TicketRef ticket, boolean reopens) implements ThreadingDecision {
        public AppendTo {
            Objects.requireNonNull(ticket, "ticket");
        }
    }

    /** Starts a new ticket. */
    record NewTicket() implements ThreadingDecision {
    }

    /** Starts a new ticket that refers to {@code linkedTo}, for the given reason. */
    record NewLinkedTicket(TicketRef linkedTo, LinkReason reason) implements ThreadingDecision {
        public NewLinkedTicket {
            Objects.requireNonNull(linkedTo, "linkedTo");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
