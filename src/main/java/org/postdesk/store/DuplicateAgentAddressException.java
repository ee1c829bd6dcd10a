package org.postdesk.store;

/** An address already belongs to an agent; an address identifies exactly one agent. */
public class DuplicateAgentAddressException extends RuntimeException {
    public DuplicateAgentAddressException(String address) {
        super("address " + address + " already belongs to an agent (see postdesk agent show " + address + ")");
    }
}
