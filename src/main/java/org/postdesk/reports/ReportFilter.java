package org.postdesk.reports;

import java.time.Instant;

/**
 * Which tickets a report covers: the period {@code [from, to)} and optional filters (null = all). The
 * agent filter takes a ticket the agent answered first, closed, or holds now.
 */
public record ReportFilter(Instant from, Instant to, Long mailboxId, Long agentId, String category, String priority) {
    public ReportFilter {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the report period must end after it starts: from " + from + " to " + to);
        }
    }

    public ReportFilter withPeriod(Instant newFrom, Instant newTo) {
        return new ReportFilter(newFrom, newTo, mailboxId, agentId, category, priority);
    }

    public ReportFilter withAgent(Long agent) {
        return new ReportFilter(from, to, mailboxId, agent, category, priority);
    }

    public ReportFilter withCategory(String c) {
        return new ReportFilter(from, to, mailboxId, agentId, c, priority);
    }

    public ReportFilter withPriority(String p) {
        return new ReportFilter(from, to, mailboxId, agentId, category, p);
    }

    public ReportFilter withMailbox(Long m) {
        return new ReportFilter(from, to, m, agentId, category, priority);
    }
}
