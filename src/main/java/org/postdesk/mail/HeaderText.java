package org.postdesk.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Header values as read from the wire hold one char per byte (ISO-8859-1). This turns raw 8-bit bytes
 * (UTF-8 or windows-1251 written without encoded words) into real text and decodes RFC 2047 words.
 */
final class HeaderText {

    private HeaderText() {
    }

    /** Re-reads 8-bit bytes in a one-char-per-byte value with {@link CharsetDecoding#guess}. */
    static String fix8bit(String name, String latin1Value, List<String> notes) {
        if (latin1Value == null || latin1Value.chars().allMatch(c -> c < 0x80)) {
            return latin1Value;
        }
        byte[] bytes = latin1Value.getBytes(StandardCharsets.ISO_8859_1);
        CharsetDecoding.Decoded decoded = CharsetDecoding.guess(bytes);
        notes.add("8-bit header " + name + " decoded as " + decoded.note());
        return decoded.text();
    }

    /** Fixes 8-bit bytes, decodes encoded words and trims; null stays null. */
    static String decode(String name, String latin1Value, List<String> notes) {
        if (latin1Value == null) {
            return null;
        }
        return EncodedWords.decode(fix8bit(name, latin1Value, notes), notes).strip();
    }
}
