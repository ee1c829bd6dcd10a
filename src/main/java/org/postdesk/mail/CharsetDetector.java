package org.postdesk.mail;

import java.nio.charset.Charset;
import java.util.Optional;
import java.util.Set;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Statistical charset detection for unlabelled 8-bit text, with Mozilla's universal detector
 * (juniversalchardet): it knows the CJK multi-byte encodings, which no hand-written rule could.
 */
final class CharsetDetector {

    private static final Set<String> MULTI_BYTE = Set.of("Shift_JIS", "windows-31j", "EUC-JP", "ISO-2022-JP",
            "x-windows-iso2022jp", "GB18030", "GBK", "GB2312", "Big5", "x-windows-950", "EUC-KR", "x-windows-949",
            "x-EUC-TW", "ISO-2022-KR", "ISO-2022-CN", "HZ-GB-2312");

    private CharsetDetector() {
    }

    /** The detected charset, mapped through {@link CharsetDecoding#lookup} to the superset Java knows; empty when unsure. */
    static Optional<Charset> detect(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(bytes, 0, bytes.length);
        detector.dataEnd();
        return CharsetDecoding.lookup(detector.getDetectedCharset());
    }

    static boolean isMultiByte(Charset charset) {
        return MULTI_BYTE.contains(charset.name());
    }
}
