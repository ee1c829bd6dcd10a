package org.postdesk.store;

/** One line of {@code postdesk mailbox list}: a mailbox and what its worker last reported. */
public record MailboxStatusRow(Mailbox mailbox, MailboxState state) {
}
