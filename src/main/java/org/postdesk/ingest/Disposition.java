package org.postdesk.ingest;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * What happens on the server to a message once it is safely stored: marked \Seen, or moved to a
 * folder. Only ever called after the storing transaction committed.
 */
public interface Disposition {

    void apply(IMAPFolder folder, Message message) throws MessagingException;

    /**
     * The same for every message of a group commit ({@code messages} in UID order, all stored by the transaction
     * that just committed): the shipped dispositions send one command for the whole set.
     */
    default void applyAll(IMAPFolder folder, List<Message> messages) throws MessagingException {
        for (Message message : messages) {
            apply(folder, message);
        }
    }

    static Disposition forMailbox(String moveToOrNull) {
        return moveToOrNull == null || moveToOrNull.isBlank() ? markSeen() : moveTo(moveToOrNull);
    }

    static Disposition markSeen() {
        return new Disposition() {
            @Override
            public void apply(IMAPFolder folder, Message message) throws MessagingException {
                message.setFlag(Flags.Flag.SEEN, true);
            }

            @Override
            public void applyAll(IMAPFolder folder, List<Message> messages) throws MessagingException {
                // One STORE for the set (Angus sends the messages' sequence set), not one round trip per message.
                folder.setFlags(messages.toArray(new Message[0]), new Flags(Flags.Flag.SEEN), true);
            }
        };
    }

    static Disposition moveTo(String target) {
        return new Disposition() {
            @Override
            public void apply(IMAPFolder folder, Message message) throws MessagingException {
                applyAll(folder, List.of(message));
            }

            @Override
            public void applyAll(IMAPFolder folder, List<Message> messages) throws MessagingException {
                Folder dest = folder.getStore().getFolder(target);
                if (!dest.exists() && !dest.create(Folder.HOLDS_MESSAGES)) {
                    throw new MessagingException("folder " + target + " does not exist and cannot be created");
                }
                Message[] set = messages.toArray(new Message[0]);
                // Stored means handled: it arrives read in the target folder, not as new mail for people to open.
                folder.setFlags(set, new Flags(Flags.Flag.SEEN), true);
                folder.moveMessages(set, dest);
            }
        };
    }
}
