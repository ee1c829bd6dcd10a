package org.postdesk.tickets.agent;

import java.util.Objects;

/** What happens to an agent's reply; the outcome of {@link ReplyPolicy#decide}. */
public sealed interface ReplyDecision permits ReplyDecision.Relay, ReplyDecision.HeldForOwner,
        ReplyDecision.HeldAsStale {

    /** Send the reply to the customer (taking the ticket first when it is free). */
    record Relay() implements ReplyDecision {
    }

    /** Another agent holds the ticket: keep the reply and tell its author who the owner is. */
    record HeldForOwner(Owner owner) implements ReplyDecision {
        public HeldForOwner {
            Objects.requireNonNull(owner, "owner");
        }
    }

    /**
     * The customer wrote again after the notification the agent answered: keep the reply and show
     * the agent what is new, so nobody answers a question that has already moved on.
     *
     * @param newMessages customer messages the agent has not seen; 0 when the caller did not count
     */
    record HeldAsStale(int newMessages) implements ReplyDecision {
        public HeldAsStale {
            if (newMessages < 0) {
                throw new IllegalArgumentException("newMessages must be >= 0, was " + newMessages);
            }
        }
    }
}
