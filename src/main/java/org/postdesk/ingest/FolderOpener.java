package org.postdesk.ingest;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.postdesk.store.Mailbox;

/** Connects to a mailbox's server and opens its folder read-write; throws {@link MailboxUnavailableException}. */
@FunctionalInterface
public interface FolderOpener {
    IMAPFolder open(Mailbox mailbox);
}
