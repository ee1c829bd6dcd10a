package org.postdesk.ingest;

import org.postdesk.tickets.TicketNumber;

/** What storing one inbound message did. {@code number} is null for a duplicate. */
public record IngestResult(Outcome outcome, TicketNumber number, String detail) {

    public enum Outcome { NEW_TICKET, APPENDED, AGENT_REPLY, DUPLICATE }

    static IngestResult duplicate() {
        return new IngestResult(Outcome.DUPLICATE, null, "already stored");
    }
}
