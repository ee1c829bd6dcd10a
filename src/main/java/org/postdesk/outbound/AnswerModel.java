package org.postdesk.outbound;

/**
 * What a canned answer gets, as {@code ${t.<component>}}: the ticket, the customer it is written to, and
 * the agent who inserts it. {@code customerName} is the address when the name is unknown.
 */
public record AnswerModel(String number, String tag, String subject, String customerName, String customerAddress,
                          String agentName, String teamName, String supportAddress) {
}
