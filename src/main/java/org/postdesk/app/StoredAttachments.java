package org.postdesk.app;

import java.util.List;
import org.jooq.DSLContext;
import org.postdesk.mail.AttachmentRef;
import org.postdesk.store.MessageRepository;

/** The kept (not dropped) attachments of a stored message, as references for outbound mail. */
final class StoredAttachments {
    private StoredAttachments() {
    }

    static List<AttachmentRef> kept(DSLContext tx, long messageId) {
        return new MessageRepository(tx).attachmentsOf(messageId).stream().filter(a -> a.droppedReason() == null)
                .map(a -> new AttachmentRef(a.id(), a.filename(), a.contentType(), a.size())).toList();
    }
}
