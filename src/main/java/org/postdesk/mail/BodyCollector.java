package org.postdesk.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks a MIME tree and collects the readable bodies and the attachments.
 *
 * <p>Every inline text/plain and text/html part is a body, at any depth; forwarded messages
 * (message/rfc822) contribute their bodies under a "Forwarded message" header. Inside multipart/report
 * (bounces, RFC 6522) the machine-readable parts and the returned original are attachments, so the
 * original's text is not mistaken for the bounce's.
 */
final class BodyCollector {

    private static final int MAX_DEPTH = 40;
    private static final Map<String, String> EXTENSIONS = Map.of(
            "text/plain", ".txt", "text/html", ".html", "image/png", ".png", "image/jpeg", ".jpg",
            "image/gif", ".gif", "application/pdf", ".pdf", "text/calendar", ".ics", "message/rfc822", ".eml",
            "message/delivery-status", ".txt", "text/rfc822-headers", ".txt");

    private final long maxAttachmentBytes;
    private final List<String> notes;
    private final List<String> texts = new ArrayList<>();
    private final List<String> htmls = new ArrayList<>();
    private final List<Attachment> attachments;

    BodyCollector(long maxAttachmentBytes, List<String> notes) {
        this(maxAttachmentBytes, notes, new ArrayList<>());
    }

    private BodyCollector(long maxAttachmentBytes, List<String> notes, List<Attachment> attachments) {
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.notes = notes;
        this.attachments = attachments;
    }

    /** The text parts joined; derived from the HTML when there is no text part. Never null. */
    String textBody() {
        if (!texts.isEmpty()) {
            return String.join("\n\n", texts);
        }
        return htmls.isEmpty() ? "" : HtmlToText.convert(htmlBody());
    }

    /** The HTML parts joined, or null when there is none. */
    String htmlBody() {
        return htmls.isEmpty() ? null : String.join("\n", htmls);
    }

    List<Attachment> attachments() {
        return attachments;
    }

    void collect(MimeEntity entity) {
        collect(entity, 0, "text/plain", false);
    }

    private void collect(MimeEntity entity, int depth, String defaultType, boolean inReport) {
        PartInfo part = PartInfo.of(entity.headers(), defaultType, notes);
        if (depth > MAX_DEPTH) {
            notes.add("MIME nesting deeper than " + MAX_DEPTH + ", rest kept as attachment");
            addAttachment(part, entity);
        } else if (part.isMultipart()) {
            collectMultipart(part, entity, depth);
        } else if (part.isMessage() && !inReport) {
            collectForwarded(entity, depth);
        } else if (part.isBodyText()) {
            addText(part, entity);
        } else {
            addAttachment(part, entity);
        }
    }

    private void collectMultipart(PartInfo part, MimeEntity entity, int depth) {
        List<byte[]> parts = MultipartSplitter.split(entity.body(), part.boundary(), notes);
        if (parts.isEmpty()) {
            notes.add(part.mediaType() + " without any part, body read as text");
            texts.add(decodeText(TransferDecoding.decode(entity.body(), part.transferEncoding()), null));
            return;
        }
        // RFC 2046 §5.1.5: the parts of a multipart/digest default to message/rfc822.
        String childDefault = part.mediaType().equals("multipart/digest") ? "message/rfc822" : "text/plain";
        boolean report = part.mediaType().equals("multipart/report");
        for (int i = 0; i < parts.size(); i++) {
            try {
                collect(MimeEntity.parse(parts.get(i)), depth + 1, childDefault, report);
            } catch (RuntimeException e) {
                // One unreadable part must not cost the others; the raw message keeps its bytes.
                notes.add("part " + (i + 1) + " of " + part.mediaType() + " unreadable: " + e);
            }
        }
    }

    private void collectForwarded(MimeEntity entity, int depth) {
        MimeEntity inner = MimeEntity.parse(TransferDecoding.decode(entity.body(),
                entity.headers().first("Content-Transfer-Encoding")));
        BodyCollector nested = new BodyCollector(maxAttachmentBytes, notes, attachments);
        nested.collect(inner, depth + 1, "text/plain", false);
        texts.add(ForwardHeader.of(inner.headers(), notes) + nested.textBody());
        htmls.addAll(nested.htmls);
    }

    private void addText(PartInfo part, MimeEntity entity) {
        String text = decodeText(TransferDecoding.decode(entity.body(), part.transferEncoding()), part.charset());
        (part.isHtml() ? htmls : texts).add(text);
    }

    private String decodeText(byte[] bytes, String charset) {
        CharsetDecoding.Decoded decoded = CharsetDecoding.decode(bytes, charset);
        if (decoded.note() != null) {
            notes.add("body: " + decoded.note());
        }
        return decoded.text().replace("\r\n", "\n").replace('\r', '\n');
    }

    private void addAttachment(PartInfo part, MimeEntity entity) {
        byte[] content = TransferDecoding.decode(entity.body(), part.transferEncoding());
        String name = part.filename() != null ? part.filename()
                : "part-" + (attachments.size() + 1) + EXTENSIONS.getOrDefault(part.mediaType(), ".bin");
        if (content.length > maxAttachmentBytes) {
            String reason = "exceeds limit of " + maxAttachmentBytes + " bytes";
            notes.add("attachment " + name + " dropped: " + content.length + " bytes " + reason);
            attachments.add(new Attachment(name, part.mediaType(), content.length, null, reason));
        } else {
            attachments.add(Attachment.of(name, part.mediaType(), content));
        }
    }
}
