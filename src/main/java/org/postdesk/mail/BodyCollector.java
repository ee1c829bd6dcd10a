package org.postdesk.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.message.DefaultMessageWriter;
import org.jsoup.nodes.Entities;

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
 * Bodies are read from mime4j's storage (on disk when large) as streams and transfer-decoded here; an attachment
 * is decoded into a {@link RawSource} (a temporary file when large), and one over the limit is measured without
 * ever being held in memory.
 */
final class BodyCollector {

    private static final int MAX_DEPTH = 40;
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
    private final int maxBodyBytes;
    private final Charset hint;
    private final List<String> notes;
    private final List<String> texts = new ArrayList<>();
    private final List<String> htmls = new ArrayList<>();
    private final List<Attachment> attachments;

    BodyCollector(long maxAttachmentBytes, int maxBodyBytes, Charset hint, List<String> notes) {
        this(maxAttachmentBytes, maxBodyBytes, hint, notes, new ArrayList<>());
    }

    private BodyCollector(long maxAttachmentBytes, int maxBodyBytes, Charset hint, List<String> notes,
                          List<Attachment> attachments) {
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.maxBodyBytes = maxBodyBytes;
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
            BodyCollector nested = new BodyCollector(maxAttachmentBytes, maxBodyBytes, hint, notes, attachments);
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
        String text = part.isText() && isBody(part) ? decodeText(body, part) : null;
        if (text != null) {
            if (part.isHtml()) {
                htmls.add(text);
            } else {
                texts.add(withoutUuencoded(text));
            }
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
        // A named text part that nobody marked as an attachment (Content-Type name= only, no Content-Disposition)
        // is shown inline by mail readers, and Python's email takes it as the body too: the body when none came yet.
        return (part.isInlineDisposition() || part.disposition().isEmpty()) && texts.isEmpty() && htmls.isEmpty();
    }

    /** A plain text with the files uuencoded into it taken out as attachments (Lotus Notes, old Outlook Express). */
    private String withoutUuencoded(String text) {
        Uuencoded.Split split = Uuencoded.split(text);
        for (Uuencoded.File file : split.files()) {
            notes.add("uuencoded file " + file.name() + " taken out of the text");
            attachments.add(Attachment.of(name(file.name()), "application/octet-stream", file.content()));
        }
        return split.text();
    }

    /**
     * The text of a body part, of at most {@code maxBodyBytes} of its decoded bytes: a 40 MB text body (a log pasted
     * into a mail, an export) would be a String of twice that in the heap, and the HTML-to-text conversion, the store
     * and every page that shows the ticket would hold it again. A longer part keeps its beginning as the body, with a
     * line that says so, and the whole part is stored as an attachment (streamed, like any attachment), so nothing
     * is lost. Null when the part holds binary data ({@link #isBinary}): the caller keeps it as a file.
     */
    private String decodeText(SingleBody body, PartInfo part) {
        byte[] bytes;
        boolean cut;
        String transferEncoding = TransferDecoding.forText(body, part.transferEncoding(), notes);
        try (InputStream in = TransferDecoding.decoded(body.getInputStream(), transferEncoding)) {
            bytes = in.readNBytes(maxBodyBytes + 1);
            cut = bytes.length > maxBodyBytes;
        } catch (IOException e) {
            notes.add("body part unreadable: " + e.getMessage());
            bytes = new byte[0];
            cut = false;
        }
        if (isBinary(bytes, part)) {
            notes.add(part.mediaType() + " part holds binary data (NUL bytes), kept as a file");
            return null;
        }
        if (cut) {
            bytes = Arrays.copyOf(bytes, lineBoundary(bytes, maxBodyBytes));
        }
        CharsetDecoding.Decoded decoded = CharsetDecoding.decode(bytes, part.charset());
        if (decoded.note() != null) {
            notes.add("body: " + decoded.note());
        }
        String text = decoded.text().replace("\r\n", "\n").replace('\r', '\n');
        return cut ? cutBody(text, bytes.length, body, part) : text;
    }

    /**
     * A text part holding binary data is a file that was labelled text (a GIF sent as {@code text/plain;
     * name=scan.txt}, enmime's chardet-fail test mail): shown as body it would be a screen of noise and the file
     * itself would be lost to the agent. Binary means NUL bytes, which no text in an ASCII-based charset has (UTF-16
     * and UTF-32 do, so they are left alone): any in a part with a file name, or at least one in ten of the first
     * 8 KB of one without. A stray NUL in a mail's own text keeps it text (the store drops the NUL).
     */
    private static boolean isBinary(byte[] bytes, PartInfo part) {
        String charset = part.charset() == null ? "" : part.charset().toUpperCase(java.util.Locale.ROOT);
        if (charset.contains("UTF-16") || charset.contains("UTF-32") || charset.contains("UCS")) {
            return false;
        }
        int sample = Math.min(bytes.length, 8192);
        int nul = 0;
        for (int i = 0; i < sample; i++) {
            nul += bytes[i] == 0 ? 1 : 0;
        }
        return nul > 0 && (part.filename() != null || nul * 10 >= sample);
    }

    /**
     * Where to cut: after the last line feed in the final 64 KB before the limit, so that the cut never splits a
     * multi-byte character (a byte 0x0A is never part of one in UTF-8, GB18030, Shift_JIS, Big5 or EUC) and a
     * declared charset still decodes cleanly; at the limit itself when there is no line feed there.
     */
    private static int lineBoundary(byte[] bytes, int limit) {
        for (int i = limit - 1; i >= Math.max(0, limit - 65_536); i--) {
            if (bytes[i] == '\n') {
                return i + 1;
            }
        }
        return limit;
    }

    private String cutBody(String text, int keptBytes, SingleBody body, PartInfo part) {
        Read whole = read(body, part.transferEncoding(), Long.MAX_VALUE - 1); // bounded by ingest.max-message-bytes
        String name = part.filename() != null ? part.filename() : part.isHtml() ? "body.html" : "body.txt";
        add(name(name), part.mediaType(), whole);
        String line = "[The text of this mail is " + whole.size() + " bytes long; the first " + keptBytes
                + " are shown here and the whole text is attached as " + name + ".]";
        notes.add("body part of " + whole.size() + " bytes cut to its first " + keptBytes + " (ingest.max-body-bytes);"
                + " the whole part is attached as " + name);
        return part.isHtml() ? text + "\n<p>" + Entities.escape(line) + "</p>" : text + "\n\n" + line;
    }

    private void addForwarded(Message forwarded) {
        String subject = forwarded.getHeader() == null || forwarded.getHeader().getField("Subject") == null ? null
                : HeaderText.words(HeaderText.value(forwarded.getHeader().getField("Subject"), hint, notes), notes);
        String name = subject == null || subject.isBlank() ? "forwarded message" : subject;
        Read content;
        try (RawSource.Sink sink = RawSource.sink(maxAttachmentBytes)) {
            try {
                new DefaultMessageWriter().writeMessage(forwarded, sink);
                content = new Read(sink.finish(), sink.count());
            } catch (RawSource.TooLargeException e) {
                CountingSink counted = new CountingSink();
                new DefaultMessageWriter().writeMessage(forwarded, counted);
                content = new Read(null, counted.count);
            }
        } catch (IOException e) {
            notes.add("forwarded message " + name + " unreadable: " + e.getMessage());
            content = new Read(RawSource.of(new byte[0]), 0);
        }
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
        if (content.source() == null) {
            String reason = "exceeds limit of " + maxAttachmentBytes + " bytes";
            notes.add("attachment " + name + " dropped: " + content.size() + " bytes " + reason);
            attachments.add(new Attachment(name, type, content.size(), null, reason));
        } else {
            attachments.add(Attachment.of(name, type, content.source()));
        }
    }

    /** A subject made fit for a file name: no path separators, control or reserved characters, at most 100 chars. */
    private static String safeName(String subject) {
        String clean = subject.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]+", " ").replaceAll("\\s+", " ").strip();
        return clean.length() <= 100 ? clean : clean.substring(0, 100).strip();
    }

    /** The decoded content, or a null source with the full decoded size when over the limit. */
    private record Read(RawSource source, long size) {
    }

    /**
     * Decodes an attachment into a {@link RawSource}: in the heap up to {@value RawSource#IN_MEMORY_BYTES} bytes, in
     * a temporary file beyond, so a 20 MB attachment costs one 64 KB buffer of heap, not a 20 MB array. Over
     * {@code limit} the spooled part is deleted and the rest is only counted, for the note that says its size.
     * mime4j keeps large encoded bodies in temporary files too, so a second read costs disk reads, not memory.
     */
    private Read read(SingleBody body, String transferEncoding, long limit) {
        try (InputStream in = TransferDecoding.decoded(body.getInputStream(), transferEncoding)) {
            RawSource source = RawSource.spool(in, Math.min(limit, Long.MAX_VALUE - 1));
            return new Read(source, source.length());
        } catch (RawSource.TooLargeException e) {
            try (InputStream again = TransferDecoding.decoded(body.getInputStream(), transferEncoding)) {
                return new Read(null, again.transferTo(OutputStream.nullOutputStream()));
            } catch (IOException unreadable) {
                notes.add("body part unreadable: " + unreadable.getMessage());
                return new Read(null, limit + 1);
            }
        } catch (IOException e) {
            notes.add("body part unreadable: " + e.getMessage());
            return new Read(RawSource.of(new byte[0]), 0);
        }
    }

    /** Counts what a writer gives it and keeps nothing. */
    private static final class CountingSink extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

}
