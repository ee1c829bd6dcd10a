package org.postdesk.config;

import java.time.Duration;
import java.util.Set;

/**
 * A ticket an agent holds without acting for {@code idleRelease} is freed; {@code allowSteal} lets #steal
 * take it over from its holder (#take never does). Proof of an agent reply's sender (issue 9): the Authentication-Results of the
 * receiving servers named in {@code trustedAuthservIds} and the Received headers of the mail servers in
 * {@code trustedRelays} count; a reply held for confirmation lapses after {@code confirmExpiry}.
 */
public record AgentsConfig(Duration idleRelease, boolean allowSteal, Set<String> trustedAuthservIds,
                           Set<String> trustedRelays, Duration confirmExpiry) {
    public AgentsConfig {
        trustedAuthservIds = Set.copyOf(trustedAuthservIds);
        trustedRelays = Set.copyOf(trustedRelays);
    }

    public AgentsConfig(Duration idleRelease, boolean allowSteal) {
        this(idleRelease, allowSteal, Set.of(), Set.of(), Duration.ofHours(24));
    }
}
