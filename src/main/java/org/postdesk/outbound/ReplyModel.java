package org.postdesk.outbound;

/** What {@code reply.ftl}, the wrapper around an agent's reply to the customer, gets as {@code ${t.<component>}}. */
public record ReplyModel(String tag, String number, String subject, String text, String agentName,
                         String teamName, String supportAddress) {
}
