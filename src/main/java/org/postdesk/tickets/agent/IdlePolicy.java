package org.postdesk.tickets.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a ticket's owner has been idle long enough that the ticket is released, so a customer is
 * never left waiting on an agent who went on holiday.
 *
 * @param idleRelease how long an owner may stay idle; must be positive
 */
public record IdlePolicy(Duration idleRelease) {
    public IdlePolicy {
        Objects.requireNonNull(idleRelease, "idleRelease");
        if (idleRelease.isNegative() || idleRelease.isZero()) {
            throw new IllegalArgumentException("idleRelease must be positive, was " + idleRelease);
        }
    }

    /**
     * Whether the ownership has expired at {@code now}. Idle time counts from the later of taking
     * the ticket and the owner's last activity on it, so a freshly taken ticket is never released
     * because of activity from before it was taken. Expires at exactly {@code idleRelease}.
     */
    public boolean expired(Owner owner, Instant lastOwnerActivity, Instant now) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(lastOwnerActivity, "lastOwnerActivity");
        Objects.requireNonNull(now, "now");
        return expired(Duration.between(idleSince(owner, lastOwnerActivity), now));
    }

    /** The later of taking the ticket and the owner's last activity on it: where idle time starts. */
    public Instant idleSince(Owner owner, Instant lastOwnerActivity) {
        return lastOwnerActivity.isAfter(owner.since()) ? lastOwnerActivity : owner.since();
    }

    /**
     * Whether an owner idle for {@code idle} has expired; the caller measures it (in business time, so
     * a ticket taken on Friday evening is not released over the weekend).
     */
    public boolean expired(Duration idle) {
        return idle.compareTo(idleRelease) >= 0;
    }
}
