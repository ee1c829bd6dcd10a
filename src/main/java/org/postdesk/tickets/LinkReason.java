package org.postdesk.tickets;

/** Why a message opened a new ticket linked to an existing one instead of joining it. */
public enum LinkReason {
    /** The ticket was closed longer ago than the reopen window. */
    CLOSED_TOO_LONG,
    /** The subject tag named the ticket, but the sender takes no part in it (a copied number). */
    NOT_A_PARTICIPANT
}
