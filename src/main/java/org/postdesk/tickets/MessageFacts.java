package org.postdesk.tickets;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What threading needs to know about one inbound message; {@code ingest} fills it from the
 * parsed message.
 *
 * @param messageId   the Message-ID as stored, or null when the message has none
 * @param inReplyTo   the In-Reply-To message id, or null
 * @param references  the References message ids, oldest first; never null
 * @param subject     the decoded subject; never null (empty when absent)
 * @param fromAddress the sender's address, lower-case; empty for a null sender
 * @param contentHash the content fingerprint (hex SHA-256 of from, date, subject, text and attachments,
 *                    not of transport headers): the dedupe key when there is no Message-ID, and what tells
 *                    a reused Message-ID from the same message read again
 */
public record MessageFacts(String messageId, String inReplyTo, List<String> references,
                           String subject, String fromAddress, String contentHash) {

    public MessageFacts {
        messageId = blankToNull(messageId);
        inReplyTo = blankToNull(inReplyTo);
        references = references == null ? List.of()
                : references.stream().map(MessageFacts::blankToNull).filter(Objects::nonNull).toList();
        subject = subject == null ? "" : subject;
        fromAddress = fromAddress == null ? "" : fromAddress.strip().toLowerCase(Locale.ROOT);
        if (contentHash == null || contentHash.isBlank()) {
            throw new IllegalArgumentException("message " + messageId + ": contentHash is required");
        }
    }

    private static String blankToNull(String id) {
        return id == null || id.isBlank() ? null : id.strip();
    }

    /**
     * The key that makes a message unique in the store: its Message-ID, or its content hash
     * when it has none (invariant 2, "nothing twice"). A message reusing a stored Message-ID with other
     * content is stored under {@link #reusedIdKey()}.
     */
    public String dedupeKey() {
        return messageId != null ? messageId : "sha256:" + contentHash;
    }

    /** The dedupe key of a message whose Message-ID an earlier, different message already has. */
    public String reusedIdKey() {
        return dedupeKey() + "#" + contentHash;
    }
}
