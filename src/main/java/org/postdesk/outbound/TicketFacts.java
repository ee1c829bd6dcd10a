package org.postdesk.outbound;

/**
 * A ticket as templates see it, from which a template's model is built: a real ticket for
 * {@code postdesk template render}, or {@link TemplateSamples#sampleTicket()} to validate a template.
 * {@code agentName} is the agent a mail is from or to; {@code owner} is who holds the ticket, as agent
 * notices show it ({@code Name <address>}, or {@code nobody}).
 */
public record TicketFacts(String number, String tag, String subject, String status, String priority,
                          String customerName, String customerAddress, String teamName, String supportAddress,
                          String agentName, String owner) {
}
