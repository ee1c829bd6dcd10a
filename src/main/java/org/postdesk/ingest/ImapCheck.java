package org.postdesk.ingest;

/** What {@code mailbox test} learned from a successful IMAP login: the folder's size and whether --move-to exists. */
public record ImapCheck(String folder, int messages, String moveTo) {
}
