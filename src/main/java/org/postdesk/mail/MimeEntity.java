package org.postdesk.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A message or body part split into its header fields and its still-encoded body.
 *
 * <p>The split is lenient: LF or CRLF line ends, a leading mbox "From " line is skipped, and when the blank
 * line after the headers is missing the body starts at the first line that is not a header. Text with no
 * header at all is all body.
 */
record MimeEntity(HeaderFields headers, byte[] body) {

    /** RFC 5322 §2.2: printable US-ASCII except colon, then optional blanks and the colon. */
    private static final Pattern HEADER_LINE = Pattern.compile("[\\x21-\\x39\\x3B-\\x7E]+[ \\t]*:.*", Pattern.DOTALL);

    static MimeEntity parse(byte[] bytes) {
        List<HeaderFields.Field> fields = new ArrayList<>();
        StringBuilder name = null;
        StringBuilder value = null;
        int pos = skipMboxFromLine(bytes);
        while (pos < bytes.length) {
            int end = lineEnd(bytes, pos);
            String line = stripCr(new String(bytes, pos, end - pos, StandardCharsets.ISO_8859_1));
            int next = Math.min(end + 1, bytes.length);
            if (line.isEmpty()) {
                pos = next;
                break;
            }
            boolean continuation = (line.charAt(0) == ' ' || line.charAt(0) == '\t') && value != null;
            if (continuation) {
                value.append(line); // RFC 5322 §2.2.3: unfolding removes only the CRLF.
            } else if (HEADER_LINE.matcher(line).matches()) {
                add(fields, name, value);
                int colon = line.indexOf(':');
                name = new StringBuilder(line.substring(0, colon).strip());
                value = new StringBuilder(line.substring(colon + 1));
            } else {
                break; // not a header: the body starts here
            }
            pos = next;
        }
        add(fields, name, value);
        return new MimeEntity(new HeaderFields(fields), Arrays.copyOfRange(bytes, Math.min(pos, bytes.length), bytes.length));
    }

    private static void add(List<HeaderFields.Field> fields, StringBuilder name, StringBuilder value) {
        if (name != null) {
            fields.add(new HeaderFields.Field(name.toString(), value.toString().strip()));
        }
    }

    private static int skipMboxFromLine(byte[] bytes) {
        boolean mbox = bytes.length > 5 && new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("From ");
        return mbox ? Math.min(lineEnd(bytes, 0) + 1, bytes.length) : 0;
    }

    static int lineEnd(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return bytes.length;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
