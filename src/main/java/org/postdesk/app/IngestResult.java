package org.postdesk.app;

import org.postdesk.tickets.TicketNumber;

/**
 * What storing one inbound message did. {@code number} is null for a duplicate; {@code agentKind} is the kind an
 * agent's reply was stored as (AGENT_REPLY, AGENT_HELD, AGENT_ERROR, AGENT_NOTE, AGENT_COMMANDS), null otherwise.
 */
public record IngestResult(Outcome outcome, TicketNumber number, String detail, String agentKind) {

    public enum Outcome { NEW_TICKET, APPENDED, AGENT_REPLY, DUPLICATE }

    public IngestResult(Outcome outcome, TicketNumber number, String detail) {
        this(outcome, number, detail, null);
    }

    static IngestResult duplicate() {
        return new IngestResult(Outcome.DUPLICATE, null, "already stored");
    }
}
