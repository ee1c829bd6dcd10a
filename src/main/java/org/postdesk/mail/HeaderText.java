package org.postdesk.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.util.ByteSequence;

/**
 * Header values from the wire bytes of a mime4j {@link Field}: unfolded (RFC 5322 §2.2.3 removes only the
 * line breaks) and, when they hold raw 8-bit bytes (UTF-8, GB2312, Shift_JIS or windows-1251 written
 * without encoded words), decoded: strict UTF-8 first, then the charset the message declares for its
 * text when that reads the bytes cleanly, then {@link CharsetDecoding#guess}. Encoded words stay encoded.
 */
final class HeaderText {

    private HeaderText() {
    }

    /** The unfolded, 8-bit-decoded value of {@code field}, without leading blanks. */
    static String value(Field field, Charset hint, List<String> notes) {
        ByteSequence raw = field.getRaw();
        if (raw == null) {
            return field.getBody() == null ? "" : field.getBody().strip();
        }
        byte[] bytes = raw.toByteArray();
        int colon = 0;
        while (colon < bytes.length && bytes[colon] != ':') {
            colon++;
        }
        ByteArrayOutputStream value = new ByteArrayOutputStream(bytes.length);
        for (int i = colon + 1; i < bytes.length; i++) {
            if (bytes[i] != '\r' && bytes[i] != '\n') {
                value.write(bytes[i]);
            }
        }
        return decode8bit(field.getName(), value.toByteArray(), hint, notes).strip();
    }

    static String decode8bit(String name, byte[] bytes, Charset hint, List<String> notes) {
        if (CharsetDecoding.isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        Optional<String> utf8 = CharsetDecoding.strict(bytes, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            notes.add("8-bit header " + name + " decoded as UTF-8");
            return utf8.get();
        }
        if (hint != null && !hint.name().startsWith("ISO-8859-1") && !hint.name().equals("US-ASCII")
                && !hint.name().equals("windows-1252")) {
            Optional<String> hinted = CharsetDecoding.strict(bytes, hint);
            if (hinted.isPresent()) {
                notes.add("8-bit header " + name + " decoded as " + hint.name());
                return hinted.get();
            }
        }
        CharsetDecoding.Decoded decoded = CharsetDecoding.guess(bytes);
        notes.add("8-bit header " + name + " decoded as " + decoded.note());
        return decoded.text();
    }

    /** Decodes encoded words and trims; null stays null. */
    static String words(String value, List<String> notes) {
        return value == null ? null : EncodedWords.decode(value, notes).strip();
    }
}
