package org.postdesk.outbound;

import java.time.Duration;
import java.time.Instant;

/** Exponential backoff for temporary delivery failures, and when to stop trying. */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter) {

    /** The delay before attempt number {@code attempts + 1}: initial × 2^(attempts-1), capped. */
    public Duration delayAfter(int attempts) {
        int exponent = Math.max(0, Math.min(attempts - 1, 30));
        Duration delay = initialBackoff.multipliedBy(1L << exponent);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    public boolean expired(Instant createdAt, Instant now) {
        return createdAt.plus(giveUpAfter).isBefore(now);
    }
}
