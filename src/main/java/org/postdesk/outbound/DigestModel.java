package org.postdesk.outbound;

/**
 * What the {@code digest} template gets, as {@code ${t.<component>}}: the mailbox's {@code mailbox} name and
 * {@code teamName} (its label), the team lead's {@code leadName}, the period {@code from}–{@code to} (dates in the
 * mailbox's zone, {@code to} included), the {@code summary} table as plain text (monospace), and the name of the
 * attached HTML report ({@code attachment}).
 */
public record DigestModel(String mailbox, String teamName, String leadName, String from, String to, String zone,
                          String summary, String attachment) {
}
