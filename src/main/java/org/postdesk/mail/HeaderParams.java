package org.postdesk.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A structured header such as Content-Type or Content-Disposition: a lower-case main value and its
 * parameters, decoded.
 *
 * <p>Parsed by hand rather than with {@code ParameterList} because that class rejects unquoted 8-bit or
 * special characters and reads its decoding switches from global system properties. Handles quoted
 * strings, RFC 2231 extended values and continuations ({@code name*0*=utf-8''%D0...}), and RFC 2047 words
 * inside plain values (what Outlook writes for non-ASCII filenames).
 */
record HeaderParams(String value, Map<String, String> params) {

    static final HeaderParams EMPTY = new HeaderParams("", Map.of());

    /** Parses leniently; a null header gives {@link #EMPTY}. The header should already be 8-bit fixed. */
    static HeaderParams parse(String header, List<String> notes) {
        if (header == null) {
            return EMPTY;
        }
        List<String> pieces = splitOutsideQuotes(header);
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String>> extended = new LinkedHashMap<>();
        for (String piece : pieces.subList(1, pieces.size())) {
            addParam(piece, plain, extended);
        }
        Map<String, String> params = new LinkedHashMap<>();
        plain.forEach((name, v) -> params.put(name, EncodedWords.decode(v, notes)));
        extended.forEach((name, segments) -> params.put(name, Rfc2231.join(name, segments, notes)));
        return new HeaderParams(pieces.get(0).strip().toLowerCase(Locale.ROOT), Map.copyOf(params));
    }

    String param(String name) {
        return params.get(name);
    }

    private static void addParam(String piece, Map<String, String> plain, Map<String, TreeMap<Integer, String>> extended) {
        int eq = piece.indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = piece.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String raw = unquote(piece.substring(eq + 1).strip());
        int star = name.indexOf('*');
        if (star < 0) {
            plain.putIfAbsent(name, raw);
            return;
        }
        String base = name.substring(0, star);
        String section = name.substring(star + 1);
        // Key = section number * 2, +1 when that section is percent-encoded ("name*1*").
        boolean encoded = section.endsWith("*") || section.isEmpty();
        String digits = section.replace("*", "");
        int number = digits.matches("\\d{1,4}") ? Integer.parseInt(digits) : 0;
        extended.computeIfAbsent(base, b -> new TreeMap<>()).put(number * 2 + (encoded ? 1 : 0), raw);
        plain.remove(base); // RFC 2231 §4.1: the extended form wins over a plain fallback.
    }

    private static List<String> splitOutsideQuotes(String header) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '\\' && quoted && i + 1 < header.length()) {
                current.append(c).append(header.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                pieces.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        pieces.add(current.toString());
        return pieces;
    }

    private static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"') {
            return value;
        }
        int end = value.endsWith("\"") ? value.length() - 1 : value.length();
        return value.substring(1, end).replaceAll("\\\\(.)", "$1");
    }

    /** RFC 2231 value assembly. */
    private static final class Rfc2231 {

        static String join(String name, TreeMap<Integer, String> segments, List<String> notes) {
            String charset = null;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (Map.Entry<Integer, String> segment : segments.entrySet()) {
                String text = segment.getValue();
                boolean encoded = segment.getKey() % 2 == 1;
                if (encoded && charset == null) {
                    int first = text.indexOf('\'');
                    int second = first < 0 ? -1 : text.indexOf('\'', first + 1);
                    charset = first < 0 ? "" : text.substring(0, first);
                    text = second < 0 ? text : text.substring(second + 1);
                }
                bytes.writeBytes(encoded ? percentDecode(text) : text.getBytes(StandardCharsets.ISO_8859_1));
            }
            CharsetDecoding.Decoded decoded = CharsetDecoding.decode(bytes.toByteArray(), charset);
            if (decoded.note() != null && charset != null && !charset.isEmpty()) {
                notes.add("parameter " + name + ": " + decoded.note());
            }
            return decoded.text();
        }

        private static byte[] percentDecode(String text) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                int hi = c == '%' && i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(text.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                } else {
                    out.write(c > 0xFF ? '?' : c);
                }
            }
            return out.toByteArray();
        }
    }
}
