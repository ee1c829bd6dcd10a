package org.postdesk.config;

import java.time.Duration;

/** A ticket an agent holds without acting for {@code idleRelease} is freed; {@code allowSteal} lets #take override a holder. */
public record AgentsConfig(Duration idleRelease, boolean allowSteal) {
}
