package org.postdesk.app;

import org.postdesk.store.Agent;

/**
 * Who changes a ticket, as the audit names them: an agent by mail ({@code agentIdOrNull} set, so they are
 * not told of their own doing) or an admin on the command line ({@code admin:<login>}). {@code via} is
 * appended to status lines of the audit.
 */
public record Actor(String name, Long agentIdOrNull, String via) {

    public static Actor agent(Agent agent) {
        return new Actor(agent.primaryAddress(), agent.id(), "");
    }

    public static Actor admin(String name) {
        return new Actor(name, null, ", from the command line");
    }
}
