package org.postdesk.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a multipart body at its boundary lines (RFC 2046 §5.1.1), tolerating a missing boundary
 * parameter (the first "--" line is taken) and a missing closing delimiter (the last part runs to the end).
 */
final class MultipartSplitter {

    private MultipartSplitter() {
    }

    /** The raw bytes of each part; empty when no delimiter line was found. Problems go to {@code notes}. */
    static List<byte[]> split(byte[] body, String boundary, List<String> notes) {
        String delimiter = boundary == null || boundary.isEmpty() ? guessDelimiter(body, notes) : "--" + boundary;
        List<byte[]> parts = new ArrayList<>();
        if (delimiter == null) {
            return parts;
        }
        int partStart = -1;
        int pos = 0;
        while (pos < body.length) {
            int end = MimeEntity.lineEnd(body, pos);
            String kind = delimiterKind(body, pos, end, delimiter);
            if (kind != null) {
                if (partStart >= 0) {
                    parts.add(Arrays.copyOfRange(body, partStart, Math.max(partStart, withoutLineBreak(body, pos))));
                }
                if (kind.equals("close")) {
                    return parts;
                }
                partStart = Math.min(end + 1, body.length);
            }
            pos = end + 1;
        }
        if (partStart >= 0) {
            notes.add("multipart truncated: no closing boundary " + delimiter + "--");
            parts.add(Arrays.copyOfRange(body, partStart, body.length));
        }
        return parts;
    }

    /** "open", "close" or null; trailing blanks after the delimiter are transport padding. */
    private static String delimiterKind(byte[] body, int start, int end, String delimiter) {
        if (end - start < delimiter.length() || body[start] != '-' || body[start + 1] != '-') {
            return null;
        }
        String line = new String(body, start, end - start, StandardCharsets.ISO_8859_1).stripTrailing();
        if (line.equals(delimiter)) {
            return "open";
        }
        return line.equals(delimiter + "--") ? "close" : null;
    }

    /** The CRLF before a delimiter belongs to the delimiter, not to the part. */
    private static int withoutLineBreak(byte[] body, int delimiterStart) {
        int end = delimiterStart;
        if (end > 0 && body[end - 1] == '\n') {
            end--;
        }
        if (end > 0 && body[end - 1] == '\r') {
            end--;
        }
        return end;
    }

    private static String guessDelimiter(byte[] body, List<String> notes) {
        int pos = 0;
        while (pos < body.length) {
            int end = MimeEntity.lineEnd(body, pos);
            String line = new String(body, pos, end - pos, StandardCharsets.ISO_8859_1).strip();
            if (line.length() > 2 && line.startsWith("--") && !line.endsWith("--")) {
                notes.add("multipart without boundary parameter, guessed " + line);
                return line;
            }
            pos = end + 1;
        }
        notes.add("multipart without boundary parameter and no delimiter line");
        return null;
    }
}
