package org.postdesk.mail;

/**
 * Guesses whether unlabelled 8-bit bytes are windows-1251 Cyrillic rather than Western text.
 *
 * <p>In windows-1251 the Cyrillic letters are 0xC0-0xFF plus Ё/ё (0xA8/0xB8), and Russian words are made of
 * them entirely; Western Latin-1 text has a high byte here and there inside ASCII words. So: most letters
 * are high bytes, and nearly all high bytes are in the letter range. {@link #looksKoi8} then tells KOI8-R
 * from windows-1251.
 */
final class CyrillicHeuristic {

    private CyrillicHeuristic() {
    }

    static boolean looksCyrillic(byte[] bytes) {
        int asciiLetters = 0;
        int high = 0;
        int cyrillicLetters = 0;
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                asciiLetters++;
            } else if (c >= 0x80) {
                high++;
                if (c >= 0xC0 || c == 0xA8 || c == 0xB8) {
                    cyrillicLetters++;
                }
            }
        }
        return high > 0
                && cyrillicLetters * 10 >= high * 8
                && cyrillicLetters * 10 >= (cyrillicLetters + asciiLetters) * 3;
    }

    /**
     * Stronger evidence, enough to override a Western label that decoded cleanly: at least a dozen
     * Cyrillic-range letters, and nearly every letter (90 %) is one. German or French text has ASCII
     * letters in every word, so it never qualifies.
     */
    static boolean surelyCyrillic(byte[] bytes) {
        int asciiLetters = 0;
        int cyrillicLetters = 0;
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                asciiLetters++;
            } else if (c >= 0xC0 || c == 0xA8 || c == 0xB8) {
                cyrillicLetters++;
            }
        }
        return looksCyrillic(bytes) && cyrillicLetters >= 12 && cyrillicLetters * 10 >= (cyrillicLetters + asciiLetters) * 9;
    }

    /**
     * Whether Cyrillic-looking bytes are KOI8-R rather than windows-1251. Both put the letters in 0xC0-0xFF, but
     * swapped: windows-1251 has the capitals in 0xC0-0xDF and the small letters in 0xE0-0xFF, KOI8-R the
     * other way round. Running text is mostly small letters, so the busier half tells the charset.
     */
    static boolean looksKoi8(byte[] bytes) {
        int low = 0;
        int upper = 0;
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 0xC0 && c <= 0xDF) {
                low++;
            } else if (c >= 0xE0) {
                upper++;
            }
        }
        return low > upper;
    }
}
