package org.postdesk.tickets;

/**
 * The life cycle of a ticket, with its transitions as methods so callers never pick a next
 * state by hand.
 */
public enum TicketStatus {
    /** Created, nobody has answered yet. */
    NEW,
    /** Being worked on; the next move is the team's. */
    OPEN,
    /** The team answered and waits for the customer. */
    PENDING,
    /** Done. */
    CLOSED,
    /** Marked as spam by an agent. */
    SPAM;

    /**
     * Whether the ticket is no longer worked on. SPAM counts as closed: a later message to it
     * reopens it within the reopen window and otherwise opens a linked ticket, like CLOSED.
     */
    public boolean isClosed() {
        return this == CLOSED || this == SPAM;
    }

    /** The status after the customer (or another participant) writes in. */
    public TicketStatus onCustomerMessage() {
        // A NEW ticket stays NEW: nobody has answered, so it must stay in the unanswered queue.
        return this == NEW ? NEW : OPEN;
    }

    /** The status after an agent's reply was relayed to the customer. */
    public TicketStatus onAgentReply() {
        // A reply to a closed ticket (a final word) does not reopen it.
        return isClosed() ? this : PENDING;
    }

    /** The status after an agent closes the ticket. */
    public TicketStatus close() {
        return CLOSED;
    }

    /** The status after an agent marks the ticket as spam. */
    public TicketStatus markSpam() {
        return SPAM;
    }
}
