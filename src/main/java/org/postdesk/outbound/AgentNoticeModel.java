package org.postdesk.outbound;

/**
 * What every template mailed to an agent gets, as {@code ${t.<component>}}: the ticket, the
 * "reply above this line" marker, the one-line command help, the body reference carrying the reply
 * token, and {@code details}, the one record that differs per template.
 */
public record AgentNoticeModel(TicketSummary ticket, String agentName, String marker, String help, String ref,
                               Object details) {
}
