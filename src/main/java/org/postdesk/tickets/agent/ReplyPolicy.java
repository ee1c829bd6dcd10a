package org.postdesk.tickets.agent;

import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether an agent's reply is relayed to the customer (invariant 3, "one voice per
 * ticket"). This is the pure rule; the lock itself is a conditional update in the store, so the
 * caller still relays only after winning it.
 *
 * <p>Another agent's ownership is checked before staleness: a reply held as stale would be held
 * again for the owner once the agent caught up, so the owner is the more useful thing to report.
 */
public final class ReplyPolicy {

    /**
     * Decides with a known count of customer messages the agent has not seen.
     *
     * @param unseenMessages customer messages that arrived after the notification the agent
     *     answered; more than 0 makes the reply stale
     */
    public ReplyDecision decide(long agentId, Optional<Owner> owner, int unseenMessages) {
        Objects.requireNonNull(owner, "owner");
        if (unseenMessages < 0) {
            throw new IllegalArgumentException("unseenMessages must be >= 0, was " + unseenMessages);
        }
        if (owner.isPresent() && owner.get().agentId() != agentId) {
            return new ReplyDecision.HeldForOwner(owner.get());
        }
        if (unseenMessages > 0) {
            return new ReplyDecision.HeldAsStale(unseenMessages);
        }
        return new ReplyDecision.Relay();
    }

    /**
     * Decides when the caller only knows whether the reply is stale; a stale reply is then
     * reported as {@code HeldAsStale(0)}, meaning "not counted".
     */
    public ReplyDecision decide(long agentId, Optional<Owner> owner, boolean stale) {
        ReplyDecision decision = decide(agentId, owner, stale ? 1 : 0);
        return decision instanceof ReplyDecision.HeldAsStale ? new ReplyDecision.HeldAsStale(0) : decision;
    }
}
