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

/**
 * Turns bytes into text when the declared charset may be missing, unknown or simply wrong.
 *
 * <p>Order: the declared charset if Java knows it and the result looks right; otherwise strict UTF-8;
 * otherwise windows-1251 or KOI8-R when the bytes look Cyrillic; otherwise windows-1252 (which, unlike
 * ISO-8859-1, maps 0x80-0x9F to the quotes and dashes that mislabelled mail actually contains).
 */
final class CharsetDecoding {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final Charset KOI8_R = Charset.forName("KOI8-R");

    /** Labels seen in real mail that Java does not know under that spelling. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("utf8", "UTF-8"), Map.entry("utf-8y", "UTF-8"), Map.entry("unicode-1-1-utf-8", "UTF-8"),
            Map.entry("win-1251", "windows-1251"), Map.entry("win1251", "windows-1251"),
            Map.entry("windows1251", "windows-1251"), Map.entry("x-cp1251", "windows-1251"),
            Map.entry("cp-1251", "windows-1251"), Map.entry("win-1252", "windows-1252"),
            Map.entry("x-koi8r", "KOI8-R"), Map.entry("koi8r", "KOI8-R"), Map.entry("koi8u", "KOI8-U"),
            Map.entry("latin1", "ISO-8859-1"), Map.entry("latin-1", "ISO-8859-1"),
            Map.entry("iso8859-1", "ISO-8859-1"), Map.entry("iso-8859-8-i", "ISO-8859-8"),
            Map.entry("x-mac-cyrillic", "x-MacCyrillic"), Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("gb2312", "GBK"), Map.entry("x-gbk", "GBK"), Map.entry("x-sjis", "Shift_JIS"),
            Map.entry("ansi_x3.4-1968", "US-ASCII"), Map.entry("ascii", "US-ASCII"));

    private CharsetDecoding() {
    }

    /** Decoded text plus a note when anything other than the declared charset was used. */
    record Decoded(String text, String note) {
    }

    /** Resolves a charset label leniently (quotes, case, common aliases); empty when unknown. */
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
                .or(() -> name.matches("cp-?125\\d") ? forName("windows-" + name.replaceAll("\\D", "")) : Optional.empty());
    }

    /** Decodes with the fallback order described on the class; never throws. */
    static Decoded decode(byte[] bytes, String declared) {
        Optional<Charset> known = lookup(declared);
        if (known.isEmpty()) {
            Decoded guess = guess(bytes);
            String what = declared == null || declared.isBlank() ? "no charset" : "unknown charset " + declared;
            return isAscii(bytes) && declared == null ? guess
                    : new Decoded(guess.text(), what + ", decoded as " + guess.note());
        }
        Charset charset = known.get();
        if (isLatinFamily(charset) && !isAscii(bytes)) {
            return mislabelled(bytes, charset);
        }
        Optional<String> strict = strict(bytes, charset);
        if (strict.isPresent()) {
            return new Decoded(strict.get(), null);
        }
        return malformed(bytes, charset);
    }

    /** Best guess without any label: UTF-8, windows-1251 or windows-1252. The note names the charset used. */
    static Decoded guess(byte[] bytes) {
        Optional<String> utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return new Decoded(utf8.get(), "UTF-8");
        }
        if (CyrillicHeuristic.looksCyrillic(bytes)) {
            Charset cyrillic = cyrillic(bytes);
            return new Decoded(new String(bytes, cyrillic), cyrillic.name());
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

    // us-ascii and latin-1 labels are what broken mailers put on everything; 8-bit bytes under such a
    // label are far more often UTF-8 or windows-1251 than genuine Latin-1.
    private static Decoded mislabelled(byte[] bytes, Charset declared) {
        Decoded guess = guess(bytes);
        boolean westernGuess = guess.note().equals("windows-1252");
        if (westernGuess && !declared.equals(StandardCharsets.US_ASCII)) {
            return new Decoded(new String(bytes, declared.equals(StandardCharsets.ISO_8859_1) ? WINDOWS_1252 : declared), null);
        }
        return new Decoded(guess.text(), "declared " + declared.name() + " but 8-bit bytes, decoded as " + guess.note());
    }

    private static Decoded malformed(byte[] bytes, Charset declared) {
        if (!declared.equals(StandardCharsets.UTF_8)) {
            Optional<String> utf8 = strict(bytes, StandardCharsets.UTF_8);
            if (utf8.isPresent()) {
                return new Decoded(utf8.get(), "bytes invalid for " + declared.name() + ", decoded as UTF-8");
            }
        } else if (CyrillicHeuristic.looksCyrillic(bytes)) {
            Charset cyrillic = cyrillic(bytes);
            return new Decoded(new String(bytes, cyrillic), "bytes invalid for UTF-8, decoded as " + cyrillic.name());
        }
        // Mostly right text with a few bad bytes reads better in its own charset than re-guessed whole.
        return new Decoded(new String(bytes, declared), "malformed " + declared.name() + " bytes replaced");
    }

    private static boolean isLatinFamily(Charset charset) {
        return charset.equals(StandardCharsets.US_ASCII) || charset.equals(StandardCharsets.ISO_8859_1)
                || charset.equals(WINDOWS_1252);
    }

    private static Optional<String> strict(byte[] bytes, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static Optional<Charset> forName(String name) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException e) {
            // IllegalCharsetNameException and UnsupportedCharsetException both mean "unknown" here.
            return Optional.empty();
        }
    }
}
