package org.postdesk.mail;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@link MimeComposer} needs for one outbound message. {@code replyTo}, {@code htmlBody} and
 * {@code inReplyTo} may be null; null lists and maps count as empty. Every attachment must have content.
 * {@code storedAttachments} follow {@code attachments} and are read from the store when the mail is sent
 * ({@link MimeComposer#composeSpliced}).
 */
public record OutboundMail(
        MailAddress from,
        List<MailAddress> to,
        List<MailAddress> cc,
        MailAddress replyTo,
        String subject,
        String textBody,
        String htmlBody,
        String messageId,
        String inReplyTo,
        List<String> references,
        Map<String, String> extraHeaders,
        List<Attachment> attachments,
        List<AttachmentRef> storedAttachments) {

    /** A mail with no stored attachments. */
    public OutboundMail(MailAddress from, List<MailAddress> to, List<MailAddress> cc, MailAddress replyTo,
                        String subject, String textBody, String htmlBody, String messageId, String inReplyTo,
                        List<String> references, Map<String, String> extraHeaders, List<Attachment> attachments) {
        this(from, to, cc, replyTo, subject, textBody, htmlBody, messageId, inReplyTo, references, extraHeaders,
                attachments, List.of());
    }

    public OutboundMail {
        Objects.requireNonNull(from, "from");
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        Objects.requireNonNull(messageId, "messageId");
        references = references == null ? List.of() : List.copyOf(references);
        extraHeaders = extraHeaders == null ? Map.of() : Map.copyOf(extraHeaders);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        storedAttachments = storedAttachments == null ? List.of() : List.copyOf(storedAttachments);
        if (to.isEmpty() && cc.isEmpty()) {
            throw new IllegalArgumentException("outbound mail " + messageId + " has no recipient");
        }
        for (Attachment a : attachments) {
            if (a.dropped()) {
                throw new IllegalArgumentException("attachment " + a.filename() + " of " + messageId
                        + " has no content: " + a.droppedReason());
            }
        }
    }
}
