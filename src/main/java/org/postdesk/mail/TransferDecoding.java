package org.postdesk.mail;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Locale;

/**
 * Content-Transfer-Encoding decoders that never throw: stray characters are skipped, a truncated
 * base64 tail is dropped, and an invalid quoted-printable escape is kept literally (RFC 2045 §6.7 note 1).
 */
final class TransferDecoding {

    private TransferDecoding() {
    }

    /** Decodes by encoding name; unknown encodings (7bit, 8bit, binary, x-whatever) pass through. */
    static byte[] decode(byte[] body, String encoding) {
        String name = encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT);
        if (name.equals("base64")) {
            return base64(body);
        }
        if (name.equals("quoted-printable")) {
            return quotedPrintable(body, false);
        }
        return body;
    }

    static byte[] base64(byte[] encoded) {
        StringBuilder clean = new StringBuilder(encoded.length);
        for (byte b : encoded) {
            char c = (char) (b & 0xFF);
            if (c == '=') {
                break;
            }
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/') {
                clean.append(c);
            }
        }
        if (clean.length() % 4 == 1) {
            clean.setLength(clean.length() - 1);
        }
        return Base64.getDecoder().decode(clean.toString());
    }

    /** Quoted-printable; with {@code underscoreIsSpace} it is the RFC 2047 "Q" variant. */
    static byte[] quotedPrintable(byte[] encoded, boolean underscoreIsSpace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length);
        int i = 0;
        while (i < encoded.length) {
            int c = encoded[i] & 0xFF;
            if (c == '=') {
                i = escape(encoded, i, out);
                continue;
            }
            out.write(underscoreIsSpace && c == '_' ? ' ' : c);
            i++;
        }
        return out.toByteArray();
    }

    /** Handles "=XX" and soft line breaks ("=" then optional blanks then CRLF or LF); returns the next index. */
    private static int escape(byte[] in, int at, ByteArrayOutputStream out) {
        int hi = at + 1 < in.length ? Character.digit(in[at + 1], 16) : -1;
        int lo = at + 2 < in.length ? Character.digit(in[at + 2], 16) : -1;
        if (hi >= 0 && lo >= 0) {
            out.write(hi * 16 + lo);
            return at + 3;
        }
        int j = at + 1;
        while (j < in.length && (in[j] == ' ' || in[j] == '\t')) {
            j++;
        }
        if (j < in.length && in[j] == '\r') {
            j++;
        }
        if (j < in.length && in[j] == '\n') {
            return j + 1;
        }
        if (j == in.length) {
            return j;
        }
        out.write('=');
        return at + 1;
    }
}
