package org.postdesk.mail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.message.DefaultMessageWriter;

/**
 * Walks a mime4j tree and collects the body a person would read and the attachments.
 *
 * <ul>
 *   <li>Of a multipart/alternative, the plain part is the text unless it is empty or a "view this in your
 *       browser" placeholder for a much longer HTML part; then the text comes from the HTML.</li>
 *   <li>Other inline text/plain and text/html parts are body, also an {@code inline} text part with a file
 *       name when no body text came before it (Apple Mail's inline text files after the text stay files).</li>
 *   <li>A forwarded message (message/rfc822) is an {@code .eml} attachment named after its subject;
 *       delivery and feedback reports are attachments named by their type.</li>
 * </ul>
 * Bodies are read from mime4j's storage (on disk when large) as streams and transfer-decoded here, so an
 * attachment over the limit is measured without ever being held in memory.
 */
final class BodyCollector {

    private static final int MAX_DEPTH = 40;
    /** Bodies up to this size are decoded in one read; larger ones are measured first (see {@link #read}). */
    private static final int READ_IN_ONE_GO = 256 * 1024;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 16;
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("text/plain", ".txt"), Map.entry("text/html", ".html"), Map.entry("image/png", ".png"),
            Map.entry("image/jpeg", ".jpg"), Map.entry("image/gif", ".gif"), Map.entry("application/pdf", ".pdf"),
            Map.entry("text/calendar", ".ics"), Map.entry("message/rfc822", ".eml"),
            Map.entry("text/rfc822-headers", ".txt"), Map.entry("application/octet-stream", ".bin"));
    /** Machine-readable report parts (RFC 3464, 5965, 8098), named after their type. */
    private static final Map<String, String> REPORT_NAMES = Map.of(
            "message/delivery-status", "delivery-status.txt", "message/global-delivery-status", "delivery-status.txt",
            "message/feedback-report", "feedback-report.txt", "message/disposition-notification",
            "disposition-notification.txt", "text/rfc822-headers", "rfc822-headers.txt",
            "message/global-headers", "rfc822-headers.txt");
    private static final Pattern PLACEHOLDER = Pattern.compile("(?is).*("
            + "(view|read|see|open|display)\\b.{0,60}\\b(browser|online|web ?version)"
            + "|(does not|doesn't|cannot|can't|unable to) (support|display|show|read|view)\\b.{0,20}html"
            + "|html[- ](e-?mail|message|version|format)"
            + "|(this|the) (e-?mail|message) (is|was) (sent |written )?(in|as) html"
            + "|enable html).*");

    private final long maxAttachmentBytes;
    private final Charset hint;
    private final List<String> notes;
    private final List<String> texts = new ArrayList<>();
    private final List<String> htmls = new ArrayList<>();
    private final List<Attachment> attachments;

    BodyCollector(long maxAttachmentBytes, Charset hint, List<String> notes) {
        this(maxAttachmentBytes, hint, notes, new ArrayList<>());
    }

    private BodyCollector(long maxAttachmentBytes, Charset hint, List<String> notes, List<Attachment> attachments) {
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.hint = hint;
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

    void collect(Entity entity) {
        collect(entity, 0);
    }

    private void collect(Entity entity, int depth) {
        PartInfo part = PartInfo.of(entity, hint, notes);
        Body body = entity.getBody();
        if (depth > MAX_DEPTH) {
            notes.add("MIME nesting deeper than " + MAX_DEPTH + ", rest not read");
        } else if (body instanceof Multipart multipart) {
            collectMultipart(part, multipart, depth);
        } else if (body instanceof Message forwarded) {
            addForwarded(forwarded);
        } else if (body instanceof SingleBody single) {
            collectSingle(part, single);
        }
    }

    private void collectMultipart(PartInfo part, Multipart multipart, int depth) {
        if (multipart.getBodyParts().isEmpty()) {
            notes.add(part.mediaType() + " without any part");
            return;
        }
        if (part.mediaType().equals("multipart/alternative")) {
            collectAlternative(multipart, depth);
            return;
        }
        for (Entity child : multipart.getBodyParts()) {
            collect(child, depth + 1);
        }
    }

    // RFC 2046 §5.1.4: the alternatives are in increasing order of faithfulness; the last HTML wins.
    private void collectAlternative(Multipart multipart, int depth) {
        String plain = null;
        String html = null;
        for (Entity child : multipart.getBodyParts()) {
            BodyCollector nested = new BodyCollector(maxAttachmentBytes, hint, notes, attachments);
            nested.collect(child, depth + 1);
            if (!nested.texts.isEmpty() && (plain == null || plain.isBlank())) {
                plain = String.join("\n\n", nested.texts);
            }
            if (!nested.htmls.isEmpty()) {
                html = nested.htmlBody();
            }
        }
        if (html == null) {
            if (plain != null) {
                texts.add(plain);
            }
            return;
        }
        htmls.add(html);
        texts.add(textOf(plain, html));
    }

    /**
     * A plain alternative is the text unless it is empty or a placeholder for a much longer HTML part. The
     * HTML is converted only when it may be needed: a usable plain part (most mail) costs no HTML parse.
     */
    private String textOf(String plain, String html) {
        if (plain == null || plain.isBlank()) {
            if (plain != null) {
                notes.add("empty text/plain alternative, text taken from the HTML");
            }
            return HtmlToText.convert(html);
        }
        if (plain.length() >= 600 || !PLACEHOLDER.matcher(plain).matches()) {
            return plain;
        }
        String fromHtml = HtmlToText.convert(html);
        if (fromHtml.length() <= plain.length()) {
            return plain;
        }
        notes.add("placeholder text/plain alternative, text taken from the HTML");
        return fromHtml;
    }

    private void collectSingle(PartInfo part, SingleBody body) {
        if (part.isText() && isBody(part)) {
            String text = decodeText(body, part);
            (part.isHtml() ? htmls : texts).add(text);
        } else {
            addAttachment(part, body);
        }
    }

    private boolean isBody(PartInfo part) {
        if (part.isAttachmentDisposition()) {
            return false;
        }
        if (part.filename() == null) {
            return true;
        }
        return part.isInlineDisposition() && texts.isEmpty() && htmls.isEmpty();
    }

    private String decodeText(SingleBody body, PartInfo part) {
        byte[] bytes = read(body, part.transferEncoding(), Long.MAX_VALUE).bytes();
        CharsetDecoding.Decoded decoded = CharsetDecoding.decode(bytes, part.charset());
        if (decoded.note() != null) {
            notes.add("body: " + decoded.note());
        }
        return decoded.text().replace("\r\n", "\n").replace('\r', '\n');
    }

    private void addForwarded(Message forwarded) {
        String subject = forwarded.getHeader() == null || forwarded.getHeader().getField("Subject") == null ? null
                : HeaderText.words(HeaderText.value(forwarded.getHeader().getField("Subject"), hint, notes), notes);
        String name = subject == null || subject.isBlank() ? "forwarded message" : subject;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new DefaultMessageWriter().writeMessage(forwarded, out);
        } catch (IOException e) {
            notes.add("forwarded message " + name + " unreadable: " + e.getMessage());
        }
        Read content = out.size() > maxAttachmentBytes ? new Read(null, out.size()) : new Read(out.toByteArray(), out.size());
        add(name(safeName(name) + ".eml"), "message/rfc822", content);
    }

    private void addAttachment(PartInfo part, SingleBody body) {
        Read content = read(body, part.transferEncoding(), maxAttachmentBytes);
        String name = part.filename() != null ? part.filename()
                : REPORT_NAMES.getOrDefault(part.mediaType(),
                        "part-" + (attachments.size() + 1) + EXTENSIONS.getOrDefault(part.mediaType(), ".bin"));
        add(name(name), part.mediaType(), content);
    }

    /** The one place where an attachment's display name is made. */
    private static String name(String filename) {
        return filename;
    }

    private void add(String name, String type, Read content) {
        if (content.bytes() == null) {
            String reason = "exceeds limit of " + maxAttachmentBytes + " bytes";
            notes.add("attachment " + name + " dropped: " + content.size() + " bytes " + reason);
            attachments.add(new Attachment(name, type, content.size(), null, reason));
        } else {
            attachments.add(Attachment.of(name, type, content.bytes()));
        }
    }

    /** A subject made fit for a file name: no path separators, control or reserved characters, at most 100 chars. */
    private static String safeName(String subject) {
        String clean = subject.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]+", " ").replaceAll("\\s+", " ").strip();
        return clean.length() <= 100 ? clean : clean.substring(0, 100).strip();
    }

    /** Decoded bytes, or null bytes with the full decoded size when over {@code limit}. */
    private record Read(byte[] bytes, long size) {
    }

    /**
     * Decodes a body. A small one is read in one go; a larger one is first measured (decoded, nothing kept)
     * and then decoded again into one array of its exact size, so a 20 MB attachment is 20 MB in the heap,
     * not a growing buffer and its copy (about 3 times the size at the end). mime4j keeps large bodies in a
     * temporary file, so the second read costs disk reads and decoding, not memory.
     */
    private Read read(SingleBody body, String transferEncoding, long limit) {
        try (InputStream in = decoded(body.getInputStream(), transferEncoding)) {
            byte[] head = in.readNBytes(READ_IN_ONE_GO);
            if (head.length < READ_IN_ONE_GO) {
                return head.length <= limit ? new Read(head, head.length) : new Read(null, head.length);
            }
            long size = head.length + in.transferTo(OutputStream.nullOutputStream());
            if (size > limit) {
                return new Read(null, size);
            }
            if (size > MAX_ARRAY) {
                notes.add("body part of " + size + " bytes is larger than an array can hold, not kept");
                return new Read(null, size);
            }
            return new Read(readExactly(body, transferEncoding, (int) size), size);
        } catch (IOException e) {
            notes.add("body part unreadable: " + e.getMessage());
            return new Read(new byte[0], 0);
        }
    }

    private static byte[] readExactly(SingleBody body, String transferEncoding, int size) throws IOException {
        byte[] bytes = new byte[size];
        try (InputStream in = decoded(body.getInputStream(), transferEncoding)) {
            int n = in.readNBytes(bytes, 0, size);
            if (n != size || in.read() >= 0) {
                throw new IOException("the body changed between two reads (" + size + " bytes, then " + n + ")");
            }
        }
        return bytes;
    }

    private static InputStream decoded(InputStream in, String transferEncoding) {
        if (transferEncoding.equals("base64")) {
            return new Base64InputStream(in, DecodeMonitor.SILENT);
        }
        return transferEncoding.equals("quoted-printable") ? new QuotedPrintableInputStream(in, DecodeMonitor.SILENT) : in;
    }
}
