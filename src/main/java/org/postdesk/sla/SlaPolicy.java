package org.postdesk.sla;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The business-time targets a team promises for some tickets, when to warn, and what a breach
 * does to the ticket's priority.
 *
 * @param targets the business time allowed per target; a target absent is not promised
 * @param warnAtPercent the share of a target's time after which the owner is warned (1-99)
 * @param escalatePriority the priority a breached ticket is raised to (e.g. {@code HIGH}); empty to leave it
 */
public record SlaPolicy(Map<SlaTarget, Duration> targets, int warnAtPercent, Optional<String> escalatePriority) {
    public static final int DEFAULT_WARN_AT_PERCENT = 80;

    public SlaPolicy {
        Objects.requireNonNull(escalatePriority, "escalatePriority");
        EnumMap<SlaTarget, Duration> copy = new EnumMap<>(SlaTarget.class);
        targets.forEach((t, d) -> {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("SLA target " + t.key() + " must be a positive duration, was " + d);
            }
            copy.put(t, d);
        });
        targets = Map.copyOf(copy);
        if (warnAtPercent < 1 || warnAtPercent > 99) {
            throw new IllegalArgumentException("sla warn-at must be between 1 and 99 %, was " + warnAtPercent);
        }
    }

    /** A policy that promises nothing. */
    public static SlaPolicy none() {
        return new SlaPolicy(Map.of(), DEFAULT_WARN_AT_PERCENT, Optional.empty());
    }

    public Optional<Duration> target(SlaTarget target) {
        return Optional.ofNullable(targets.get(target));
    }

    /** The business time after which the owner of a target is warned. */
    public Duration warnAfter(Duration budget) {
        return Duration.ofSeconds(budget.toSeconds() * warnAtPercent / 100);
    }
}
