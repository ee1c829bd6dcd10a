package org.postdesk.tickets.agent;

import java.util.List;
import java.util.Objects;

/**
 * An agent's reply split into its commands and the text for the customer.
 *
 * @param commands in the order they were typed
 * @param errors command lines that were not understood; they are not part of {@code text}
 * @param text the reply without its command lines, lines joined with {@code \n}; still contains
 *     every {@code #answer NAME}, for the caller to replace with the canned answer
 */
public record ParsedReply(List<AgentCommand> commands, List<CommandError> errors, String text) {
    public ParsedReply {
        commands = List.copyOf(commands);
        errors = List.copyOf(errors);
        Objects.requireNonNull(text, "text");
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
