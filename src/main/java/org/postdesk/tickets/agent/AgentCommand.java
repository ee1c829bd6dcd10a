package org.postdesk.tickets.agent;

import java.util.List;
import java.util.Objects;

/**
 * One command from an agent's reply.
 *
 * @param args normalised arguments: lower-case for priorities, {@code cc} actions and answer
 *     names; as typed otherwise
 * @param line the 1-based line of the reply it stands on
 */
public record AgentCommand(CommandVerb verb, List<String> args, int line) {
    public AgentCommand {
        Objects.requireNonNull(verb, "verb");
        args = List.copyOf(args);
    }
}
