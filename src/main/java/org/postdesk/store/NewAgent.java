package org.postdesk.store;

import java.util.List;

/** What {@link AgentRepository#add} stores: the first address is the primary one. */
public record NewAgent(String name, List<String> addresses, List<Long> mailboxIds) {
    public NewAgent {
        addresses = List.copyOf(addresses);
        mailboxIds = List.copyOf(mailboxIds);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("agent " + name + " needs at least one address");
        }
    }
}
