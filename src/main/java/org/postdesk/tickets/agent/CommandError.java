package org.postdesk.tickets.agent;

import java.util.Objects;

/**
 * A command line that could not be understood, to be reported back to the agent.
 *
 * @param line the 1-based line of the reply
 * @param text the line as the agent typed it, without surrounding whitespace
 * @param problem what is wrong, for a human
 */
public record CommandError(int line, String text, String problem) {
    public CommandError {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(problem, "problem");
    }
}
