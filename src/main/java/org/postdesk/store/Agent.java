package org.postdesk.store;

import java.time.Instant;
import java.util.List;

/**
 * An agent as stored. {@code addresses} are lower-case with the primary one (where notifications
 * go) first; {@code mailboxes} are the names of the mailboxes whose tickets the agent is told about.
 */
public record Agent(long id, String name, boolean active, Instant createdAt, List<String> addresses,
                    List<String> mailboxes) {
    public Agent {
        addresses = List.copyOf(addresses);
        mailboxes = List.copyOf(mailboxes);
    }

    /** Where notifications go. */
    public String primaryAddress() {
        return addresses.get(0);
    }

    /** How mails and messages name the agent: {@code Name <address>}. */
    public String display() {
        return name + " <" + primaryAddress() + ">";
    }
}
