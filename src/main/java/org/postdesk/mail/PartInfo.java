package org.postdesk.mail;

import java.util.List;

/**
 * What a body part's headers say about it: media type, charset, disposition, filename and transfer
 * encoding. A missing or unreadable Content-Type means text/plain (RFC 2045 §5.2).
 */
record PartInfo(String mediaType, HeaderParams contentType, String disposition, String filename, String transferEncoding) {

    static PartInfo of(HeaderFields headers, String defaultType, List<String> notes) {
        HeaderParams type = HeaderParams.parse(HeaderText.fix8bit("Content-Type", headers.first("Content-Type"), notes), notes);
        String mediaType = type.value();
        if (!mediaType.matches("[\\w.+-]+/[\\w.+-]+")) {
            if (!mediaType.isEmpty()) {
                notes.add("unreadable Content-Type '" + mediaType + "', read as " + defaultType);
            }
            mediaType = defaultType;
        }
        HeaderParams disposition = HeaderParams.parse(
                HeaderText.fix8bit("Content-Disposition", headers.first("Content-Disposition"), notes), notes);
        String filename = disposition.param("filename") != null ? disposition.param("filename") : type.param("name");
        return new PartInfo(mediaType, type, disposition.value(), cleanFilename(filename),
                headers.first("Content-Transfer-Encoding"));
    }

    String charset() {
        return contentType.param("charset");
    }

    String boundary() {
        return contentType.param("boundary");
    }

    boolean isMultipart() {
        return mediaType.startsWith("multipart/");
    }

    boolean isMessage() {
        return mediaType.equals("message/rfc822") || mediaType.equals("message/global");
    }

    /** text/plain or text/html that is meant to be read as the message, not saved as a file. */
    boolean isBodyText() {
        boolean text = mediaType.equals("text/plain") || mediaType.equals("text/html");
        return text && filename == null && !disposition.equals("attachment");
    }

    boolean isHtml() {
        return mediaType.equals("text/html");
    }

    /** Drops directories ("C:\\Users\\x\\a.pdf") and control characters; blank becomes null. */
    private static String cleanFilename(String filename) {
        if (filename == null) {
            return null;
        }
        String clean = filename.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
        return clean.isEmpty() ? null : clean;
    }
}
