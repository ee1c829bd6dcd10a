package org.postdesk.ingest;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * What happens on the server to a message once it is safely stored: marked \Seen, or moved to a
 * folder. Only ever called after the storing transaction committed.
 */
public interface Disposition {

    void apply(IMAPFolder folder, Message message) throws MessagingException;

    static Disposition forMailbox(String moveToOrNull) {
        return moveToOrNull == null || moveToOrNull.isBlank() ? markSeen() : moveTo(moveToOrNull);
    }

    static Disposition markSeen() {
        return (folder, message) -> message.setFlag(Flags.Flag.SEEN, true);
    }

    static Disposition moveTo(String target) {
        return (folder, message) -> {
            Folder dest = folder.getStore().getFolder(target);
            if (!dest.exists() && !dest.create(Folder.HOLDS_MESSAGES)) {
                throw new MessagingException("folder " + target + " does not exist and cannot be created");
            }
            // Stored means handled: it arrives read in the target folder, not as new mail for people to open.
            message.setFlag(Flags.Flag.SEEN, true);
            folder.moveMessages(new Message[] {message}, dest);
        };
    }
}
