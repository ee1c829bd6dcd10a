package org.postdesk.mail;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.stream.Field;

/**
 * What a body part's headers say about it: media type (mime4j's reading, which applies RFC 2045 §5.2 and
 * RFC 2046 §5.1.5 defaults), charset, disposition, filename and transfer encoding. The parameters are read
 * with {@link HeaderParams}, which joins RFC 2231 continuations and decodes Outlook's RFC 2047 names.
 */
record PartInfo(String mediaType, HeaderParams contentType, String disposition, String filename, String transferEncoding) {

    static PartInfo of(Entity entity, Charset hint, List<String> notes) {
        HeaderParams type = HeaderParams.parse(raw(entity, "Content-Type", hint, notes), notes);
        String mediaType = entity.getMimeType() == null ? "text/plain" : entity.getMimeType().toLowerCase(Locale.ROOT);
        if (!type.value().isEmpty() && !type.value().equals(mediaType)) {
            notes.add("unreadable Content-Type '" + type.value() + "', read as " + mediaType);
        }
        HeaderParams disposition = HeaderParams.parse(raw(entity, "Content-Disposition", hint, notes), notes);
        String filename = disposition.param("filename") != null ? disposition.param("filename")
                : type.param("name") != null ? type.param("name")
                // Not in any RFC, but some mailers write the name so (enmime's attachment-octet test mail; enmime reads it).
                : type.param("file");
        String encoding = entity.getContentTransferEncoding();
        return new PartInfo(mediaType, type, disposition.value(), cleanFilename(filename),
                encoding == null ? "7bit" : encoding.toLowerCase(Locale.ROOT));
    }

    private static String raw(Entity entity, String name, Charset hint, List<String> notes) {
        Field field = entity.getHeader() == null ? null : entity.getHeader().getField(name);
        return field == null ? null : HeaderText.value(field, hint, notes);
    }

    String charset() {
        return contentType.param("charset");
    }

    boolean isText() {
        return mediaType.equals("text/plain") || mediaType.equals("text/html");
    }

    boolean isHtml() {
        return mediaType.equals("text/html");
    }

    boolean isAttachmentDisposition() {
        return disposition.equals("attachment");
    }

    boolean isInlineDisposition() {
        return disposition.equals("inline");
    }

    /** Drops directories ("C:\\Users\\x\\a.pdf") and control characters; blank becomes null. */
    static String cleanFilename(String filename) {
        if (filename == null) {
            return null;
        }
        String clean = filename.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
        return clean.isEmpty() ? null : clean;
    }
}
