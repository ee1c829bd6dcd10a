package org.postdesk.cli;

import java.time.Instant;
import java.util.List;
import org.postdesk.store.Agent;

/** An agent as {@code postdesk agent list/show} print it, text or JSON. */
record AgentView(long id, String name, String email, List<String> addresses, boolean active, List<String> mailboxes,
                 Instant createdAt) {
    static AgentView of(Agent a) {
        return new AgentView(a.id(), a.name(), a.primaryAddress(), a.addresses(), a.active(), a.mailboxes(),
                a.createdAt());
    }
}
