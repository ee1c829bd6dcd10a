package org.postdesk.outbound;

import java.util.List;

/** The per-template part of {@link AgentNoticeModel} for the SLA notices (issue 11). */
public final class SlaNoticeDetails {
    private SlaNoticeDetails() {
    }

    /**
     * {@code sla-warning.ftl}: a target is close to its due time. {@code target} is
     * {@code first-response}, {@code next-response} or {@code resolution}; {@code dueAt} is written in the
     * mailbox calendar's zone; {@code left} is the business time left ("1 h 30 min").
     */
    public record Warning(String target, String dueAt, String left) {
    }

    /**
     * {@code escalation.ftl}: the ticket was escalated to the second line. {@code reason} is why (a
     * breached target, or the agent's words after {@code #escalate}); {@code target} and {@code dueAt}
     * name the breached target (empty for a manual escalation); {@code history} is the ticket's audit
     * trail, one line per event, oldest first; {@code offered} is true when nobody holds the ticket, so
     * the second line may take it.
     */
    public record Escalation(String reason, String target, String dueAt, String by, List<String> history,
                             boolean offered) {
        public Escalation {
            history = List.copyOf(history);
        }
    }
}
