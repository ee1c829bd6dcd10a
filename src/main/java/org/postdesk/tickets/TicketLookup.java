package org.postdesk.tickets;

import java.util.Optional;

/** The port through which threading reads the store; {@code store} implements it. */
public interface TicketLookup {

    /** Whether a message with this {@link MessageFacts#dedupeKey()} is already stored. */
    boolean isStored(String dedupeKey);

    /**
     * Whether {@code facts} is a message already stored: by default its dedupe key is. The store also
     * tells a reused Message-ID with other content (not a duplicate) from the same message read again.
     */
    default boolean isDuplicate(MessageFacts facts) {
        return isStored(facts.dedupeKey());
    }

    /** The ticket of a message we stored or sent with this Message-ID, if any. */
    Optional<TicketRef> byMessageId(String messageId);

    /** The ticket with this number, if it exists. */
    Optional<TicketRef> byNumber(TicketNumber n);
}
