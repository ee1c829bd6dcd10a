package org.postdesk.tickets.agent;

import java.util.Objects;

/** The outcome of trying to take a ticket: the lock is a result, never an exception. */
public sealed interface TakeResult permits TakeResult.Taken, TakeResult.HeldBy, TakeResult.NotFound {

    /** The agent holds the ticket now (also when it already did). */
    record Taken(Owner owner) implements TakeResult {
        public Taken {
            Objects.requireNonNull(owner, "owner");
        }
    }

    /** Another agent holds it. */
    record HeldBy(Owner owner) implements TakeResult {
        public HeldBy {
            Objects.requireNonNull(owner, "owner");
        }
    }

    /** There is no such ticket. */
    record NotFound() implements TakeResult {
    }
}
