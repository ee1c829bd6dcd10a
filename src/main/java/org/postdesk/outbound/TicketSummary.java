package org.postdesk.outbound;

/** The ticket as every mail to an agent shows it, as {@code ${t.ticket.<component>}}. */
public record TicketSummary(String tag, String number, String subject, String status, String priority,
                            String owner, String requester) {
}
