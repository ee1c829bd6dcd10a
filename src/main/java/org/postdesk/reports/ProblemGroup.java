package org.postdesk.reports;

import java.time.Instant;
import java.util.List;

/**
 * Tickets from different customers that look like one problem: the same {@code category}, or similar
 * subjects (a hand-made link counts too). {@code key} is the category or the words the subjects share.
 */
public record ProblemGroup(String kind, String key, int tickets, int customers, Instant firstSeen, Instant lastSeen,
                           List<String> numbers) {
    public ProblemGroup {
        numbers = List.copyOf(numbers);
    }
}
