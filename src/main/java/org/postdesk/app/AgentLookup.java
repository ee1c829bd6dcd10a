package org.postdesk.app;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;

/**
 * Finds the agent an {@code #assign} names: the active agent with that address, else the one active
 * agent whose full name or first name it is (ignoring case). Ambiguous names find nobody.
 */
final class AgentLookup {
    private AgentLookup() {
    }

    static Optional<Agent> resolve(AgentRepository agents, String nameOrAddress) {
        if (nameOrAddress.contains("@")) {
            return agents.activeByAddress(nameOrAddress);
        }
        String wanted = nameOrAddress.toLowerCase(Locale.ROOT);
        List<Agent> named = agents.list().stream().filter(Agent::active)
                .filter(a -> a.name().toLowerCase(Locale.ROOT).equals(wanted)
                        || a.name().toLowerCase(Locale.ROOT).split("\\s+")[0].equals(wanted))
                .collect(Collectors.toList());
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }
}
