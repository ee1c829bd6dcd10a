package org.postdesk.mail;

/**
 * Reads the C1 control characters U+0080-U+009F in decoded text as the windows-1252 characters of the same code
 * (U+0080 → €, U+0096 → –, U+0093 → “), as web browsers and ftfy's {@code fix_c1_controls} do. Nobody writes C1
 * controls in a mail: they are windows-1252 bytes that a program once took for ISO-8859-1 and wrote out again as
 * UTF-8 (enmime's non-mime-missing-charset test mail: "Unencoded Euro Sign" as C2 80), or that an ISO-8859-x
 * label claims. The five codes windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay as they are.
 */
final class C1Controls {

    private C1Controls() {
    }

    /** {@code decoded} with any C1 control read as windows-1252; the same record when there is none. */
    static CharsetDecoding.Decoded repair(CharsetDecoding.Decoded decoded) {
        String text = decoded.text();
        if (text.chars().noneMatch(C1Controls::isC1)) {
            return decoded;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(isC1(c) ? windows1252(c) : c);
        }
        String note = "C1 control characters read as windows-1252";
        return new CharsetDecoding.Decoded(out.toString(), decoded.note() == null ? note : decoded.note() + "; " + note);
    }

    private static boolean isC1(int c) {
        return c >= 0x80 && c <= 0x9F;
    }

    private static char windows1252(char c) {
        char mapped = new String(new byte[] {(byte) c}, CharsetDecoding.WINDOWS_1252).charAt(0);
        return mapped == '\uFFFD' ? c : mapped;
    }
}
