package org.postdesk.tickets;

import java.time.Duration;
import java.util.Objects;

/**
 * Threading settings.
 *
 * @param reopenWindow how long after closing a follow-up still reopens the ticket; later
 *                     follow-ups open a new, linked ticket
 */
public record ThreadingPolicy(Duration reopenWindow) {

    public ThreadingPolicy {
        Objects.requireNonNull(reopenWindow, "reopenWindow");
        if (reopenWindow.isNegative()) {
            throw new IllegalArgumentException("reopenWindow " + reopenWindow + " must not be negative");
        }
    }
}
