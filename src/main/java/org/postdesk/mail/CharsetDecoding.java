package org.postdesk.mail;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns bytes into text when the declared charset may be missing, unknown or simply wrong.
 *
 * <p>A declared label that Java knows and that decodes the bytes cleanly is used as it is, with one
 * exception that is no heuristic: bytes under a single-byte Western label that form valid multi-byte
 * UTF-8 are UTF-8 (Latin-1 text is never valid UTF-8 by chance), and the Cyrillic repair below, which
 * needs overwhelming evidence before it overrides a Western label. Otherwise: strict UTF-8, then
 * {@link CharsetDetector} (juniversalchardet), then windows-1251/KOI8-R when the bytes look Cyrillic,
 * then windows-1252 (which, unlike ISO-8859-1, maps 0x80-0x9F to the quotes and dashes that
 * mislabelled mail actually contains).
 */
final class CharsetDecoding {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final Charset KOI8_R = Charset.forName("KOI8-R");

    /**
     * Labels seen in real mail that Java does not know under that spelling, and labels whose real-world
     * use is a superset Java knows under another name: GB2312 mail is GBK/GB18030, Shift_JIS mail is
     * Microsoft's CP932, ISO-2022-JP mail carries Microsoft's extensions (NEC row 13, IBM extensions).
     */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("utf8", "UTF-8"), Map.entry("utf-8y", "UTF-8"), Map.entry("unicode-1-1-utf-8", "UTF-8"),
            Map.entry("uft-8", "UTF-8"), Map.entry("uft8", "UTF-8"), Map.entry("utf_8", "UTF-8"),
            Map.entry("utf-8lite", "UTF-8"), Map.entry("x-unknown", "UTF-8"),
            Map.entry("utf7", "UTF-7"), Map.entry("unicode-1-1-utf-7", "UTF-7"), Map.entry("x-utf-7", "UTF-7"),
            Map.entry("us-askey", "US-ASCII"), Map.entry("us-asci", "US-ASCII"), Map.entry("usascii", "US-ASCII"),
            Map.entry("ansi_x3.4-1968", "US-ASCII"), Map.entry("ascii", "US-ASCII"), Map.entry("us", "US-ASCII"),
            Map.entry("win-1251", "windows-1251"), Map.entry("win1251", "windows-1251"),
            Map.entry("windows1251", "windows-1251"), Map.entry("x-cp1251", "windows-1251"),
            Map.entry("cp-1251", "windows-1251"), Map.entry("win-1252", "windows-1252"),
            Map.entry("x-koi8r", "KOI8-R"), Map.entry("koi8r", "KOI8-R"), Map.entry("koi8u", "KOI8-U"),
            Map.entry("koi8", "KOI8-R"), Map.entry("x-koi8-u", "KOI8-U"),
            Map.entry("latin1", "ISO-8859-1"), Map.entry("latin-1", "ISO-8859-1"),
            Map.entry("iso8859-1", "ISO-8859-1"), Map.entry("iso-8859-8-i", "ISO-8859-8"),
            Map.entry("iso8859-15", "ISO-8859-15"), Map.entry("iso-8859-1-windows-3.1-latin-1", "windows-1252"),
            Map.entry("x-mac-cyrillic", "x-MacCyrillic"), Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("ks_c_5601", "x-windows-949"), Map.entry("euc-kr", "x-windows-949"),
            Map.entry("gb2312", "GB18030"), Map.entry("gbk", "GB18030"), Map.entry("x-gbk", "GB18030"),
            Map.entry("chinese", "GB18030"), Map.entry("csgb2312", "GB18030"), Map.entry("x-euc-cn", "GB18030"),
            Map.entry("big5", "x-windows-950"), Map.entry("x-big5", "x-windows-950"),
            Map.entry("shift_jis", "windows-31j"), Map.entry("shift-jis", "windows-31j"),
            Map.entry("x-sjis", "windows-31j"), Map.entry("sjis", "windows-31j"), Map.entry("cp932", "windows-31j"),
            Map.entry("iso-2022-jp", "x-windows-iso2022jp"), Map.entry("csiso2022jp", "x-windows-iso2022jp"));

    /** Single-byte labels that broken mailers put on everything. */
    private static final Set<String> WESTERN = Set.of("US-ASCII", "ISO-8859-1", "windows-1252", "ISO-8859-15");

    private CharsetDecoding() {
    }

    /** Decoded text plus a note when anything other than the declared charset was used. */
    record Decoded(String text, String note) {
    }

    /** Resolves a charset label leniently (quotes, case, misspellings, supersets); empty when unknown. */
    static Optional<Charset> lookup(String label) {
        if (label == null) {
            return Optional.empty();
        }
        String name = label.trim().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return forName(ALIASES.getOrDefault(name, name))
                .or(() -> name.startsWith("x-") ? forName(name.substring(2)) : Optional.empty())
                .or(() -> name.matches("(cp|win|windows)-?125\\d") ? forName("windows-" + name.replaceAll("\\D", ""))
                        : Optional.empty());
    }

    /** Decodes with the order described on the class, C1 controls read by {@link C1Controls}; never throws. */
    static Decoded decode(byte[] bytes, String declared) {
        return C1Controls.repair(decodeAsLabelled(bytes, declared));
    }

    /** Best guess without any label, C1 controls read by {@link C1Controls}. The note names the charset used. */
    static Decoded guess(byte[] bytes) {
        return C1Controls.repair(guessUnlabelled(bytes));
    }

    private static Decoded decodeAsLabelled(byte[] bytes, String declared) {
        Optional<Charset> known = lookup(declared);
        if (known.isEmpty()) {
            Decoded guess = guessUnlabelled(bytes);
            String what = declared == null || declared.isBlank() ? "no charset" : "unknown charset " + declared;
            return isAscii(bytes) && (declared == null || declared.isBlank()) ? new Decoded(guess.text(), null)
                    : new Decoded(guess.text(), what + ", decoded as " + guess.note());
        }
        Charset charset = known.get();
        Optional<String> strict = strict(bytes, charset);
        if (strict.isPresent() && !isAscii(bytes) && WESTERN.contains(charset.name())) {
            return western(bytes, charset, strict.get());
        }
        if (strict.isPresent()) {
            return new Decoded(strict.get(), null);
        }
        return malformed(bytes, charset);
    }

    private static Decoded guessUnlabelled(byte[] bytes) {
        if (isAscii(bytes)) {
            return new Decoded(new String(bytes, StandardCharsets.US_ASCII), "US-ASCII");
        }
        Optional<String> utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return new Decoded(utf8.get(), "UTF-8");
        }
        Optional<Charset> multiByte = CharsetDetector.detect(bytes).filter(CharsetDetector::isMultiByte);
        if (multiByte.isPresent()) {
            Optional<String> text = strict(bytes, multiByte.get());
            if (text.isPresent()) {
                return new Decoded(text.get(), multiByte.get().name());
            }
        }
        if (CyrillicHeuristic.looksCyrillic(bytes)) {
            Charset cyrillic = cyrillic(bytes);
            return new Decoded(new String(bytes, cyrillic), cyrillic.name());
        }
        Optional<Charset> detected = CharsetDetector.detect(bytes).filter(c -> !WESTERN.contains(c.name()));
        if (detected.isPresent() && strict(bytes, detected.get()).isPresent()) {
            return new Decoded(new String(bytes, detected.get()), detected.get().name());
        }
        return new Decoded(new String(bytes, WINDOWS_1252), "windows-1252");
    }

    /** windows-1251 or KOI8-R, for bytes that {@link CyrillicHeuristic#looksCyrillic} accepted. */
    private static Charset cyrillic(byte[] bytes) {
        return CyrillicHeuristic.looksKoi8(bytes) ? KOI8_R : WINDOWS_1251;
    }

    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    // A Western label that decoded cleanly is kept unless the bytes are valid UTF-8 (mojibake otherwise) or
    // are overwhelmingly Cyrillic letters (a Russian mail written in windows-1251 by a client that labels
    // everything Latin-1). "aaäöüß" under ISO-8859-1 stays German.
    private static Decoded western(byte[] bytes, Charset declared, String asDeclared) {
        Optional<String> utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return new Decoded(utf8.get(), "declared " + declared.name() + " but 8-bit bytes, decoded as UTF-8");
        }
        if (CyrillicHeuristic.surelyCyrillic(bytes)) {
            Charset cyrillic = cyrillic(bytes);
            return new Decoded(new String(bytes, cyrillic),
                    "declared " + declared.name() + " but 8-bit bytes, decoded as " + cyrillic.name());
        }
        // ISO-8859-1 has no printable 0x80-0x9F; mail that has them means windows-1252's quotes and dashes.
        boolean c1 = declared.equals(StandardCharsets.ISO_8859_1) && asDeclared.chars().anyMatch(c -> c >= 0x80 && c < 0xA0);
        return new Decoded(c1 ? new String(bytes, WINDOWS_1252) : asDeclared, null);
    }

    private static Decoded malformed(byte[] bytes, Charset declared) {
        if (!declared.equals(StandardCharsets.UTF_8)) {
            Optional<String> utf8 = strict(bytes, StandardCharsets.UTF_8);
            if (utf8.isPresent()) {
                String why = declared.equals(StandardCharsets.US_ASCII) ? "declared US-ASCII but 8-bit bytes"
                        : "bytes invalid for " + declared.name();
                return new Decoded(utf8.get(), why + ", decoded as UTF-8");
            }
        }
        Decoded guess = guessUnlabelled(bytes);
        if (!guess.note().equals("windows-1252") || declared.equals(StandardCharsets.US_ASCII)) {
            String why = declared.equals(StandardCharsets.US_ASCII) ? "declared US-ASCII but 8-bit bytes"
                    : "bytes invalid for " + declared.name();
            return new Decoded(guess.text(), why + ", decoded as " + guess.note());
        }
        // Mostly right text with a few bad bytes reads better in its own charset than re-guessed whole.
        return new Decoded(new String(bytes, declared), "malformed " + declared.name() + " bytes replaced");
    }

    static Optional<String> strict(byte[] bytes, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException | RuntimeException e) {
            // RuntimeException: a provider's decoder (UTF-7) may throw on input it cannot handle.
            return Optional.empty();
        }
    }

    static Optional<Charset> forName(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) {
            // IllegalCharsetNameException and UnsupportedCharsetException both mean "unknown" to the JDK;
            // UTF-7 is not in the JDK: ask jutf7's provider directly, so no global registration is needed.
            return Optional.ofNullable(new com.beetstra.jutf7.CharsetProvider().charsetForName(name));
        }
    }
}
