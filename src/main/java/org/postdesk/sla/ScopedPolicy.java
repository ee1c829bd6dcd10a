package org.postdesk.sla;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A policy and the tickets of one mailbox it is for: a priority, a category, both, or neither
 * (the mailbox's default).
 *
 * @param priority the ticket priority it applies to ({@code HIGH}); null for any
 * @param category the category it applies to, compared ignoring case; null for any
 * @param policy the targets
 */
public record ScopedPolicy(String priority, String category, SlaPolicy policy) {
    public ScopedPolicy {
        Objects.requireNonNull(policy, "policy");
        priority = priority == null || priority.isBlank() ? null : priority.trim().toUpperCase(Locale.ROOT);
        category = category == null || category.isBlank() ? null : category.trim();
    }

    /**
     * The most specific policy for a ticket: priority and category both matching beats priority
     * alone, which beats category alone, which beats the default. Empty when nothing applies.
     */
    public static Optional<SlaPolicy> select(List<ScopedPolicy> policies, String priority, String category) {
        return policies.stream()
                .filter(p -> p.matches(priority, category))
                .max(Comparator.comparingInt(ScopedPolicy::specificity))
                .map(ScopedPolicy::policy);
    }

    private boolean matches(String ticketPriority, String ticketCategory) {
        boolean prio = priority == null || priority.equalsIgnoreCase(ticketPriority == null ? "" : ticketPriority);
        boolean cat = category == null || category.equalsIgnoreCase(ticketCategory == null ? "" : ticketCategory.trim());
        return prio && cat;
    }

    private int specificity() {
        return (priority == null ? 0 : 2) + (category == null ? 0 : 1);
    }
}
