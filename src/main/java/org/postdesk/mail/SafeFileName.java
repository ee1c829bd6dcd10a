package org.postdesk.mail;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Turns an attachment name from a mail into one that is safe to show and to save (issue 9): a name must
 * not read differently from what it is, climb out of a folder, or be refused by a file system.
 *
 * <ul>
 *   <li>Bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C) and every other
 *       format character (Unicode category Cf: zero-width spaces and joiners, the BOM, soft hyphens),
 *       control characters, line separators and lone surrogates are removed, so
 *       {@code invoice\u202Efdp.exe} shows as {@code invoicefdp.exe}, which is what it is.</li>
 *   <li>The characters Windows refuses ({@code < > : " / \ | ? *}) become {@code _}; trailing dots and
 *       spaces (which Windows drops) are removed; leading dots become {@code _}, so a name is never
 *       {@code .}, {@code ..} or hidden.</li>
 *   <li>Windows' reserved device names ({@code CON}, {@code PRN}, {@code AUX}, {@code NUL},
 *       {@code COM1}–{@code COM9}, {@code LPT1}–{@code LPT9}, also with an extension) get a leading
 *       {@code _}.</li>
 *   <li>The name is cut to 255 bytes of UTF-8 (the limit of ext4, NTFS and APFS names) at a character
 *       boundary, keeping the extension.</li>
 *   <li>A name with nothing left is {@code attachment}.</li>
 * </ul>
 * Hand-written: no well-kept Java library does this set (Commons IO's {@code FilenameUtils} only
 * splits paths). Pure and thread-safe.
 */
public final class SafeFileName {
    /** The longest name in bytes of UTF-8. */
    public static final int MAX_BYTES = 255;
    static final String FALLBACK = "attachment";

    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Cc}\\p{Cs}\\p{Zl}\\p{Zp}]");
    private static final Pattern WINDOWS_RESERVED_CHARS = Pattern.compile("[<>:\"/\\\\|?*]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern DEVICE = Pattern.compile("(?i)(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(?:\\..*)?");
    private static final Pattern EXTENSION = Pattern.compile("\\.[\\p{L}\\p{N}_-]{1,16}$");

    private SafeFileName() {
    }

    /** The safe form of {@code name}; null or blank gives {@value #FALLBACK}. Applying it twice changes nothing. */
    public static String of(String name) {
        if (name == null) {
            return FALLBACK;
        }
        String s = INVISIBLE.matcher(name).replaceAll("");
        s = WINDOWS_RESERVED_CHARS.matcher(s).replaceAll("_");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        s = s.replaceAll("[. ]+$", "").replaceAll("^\\.+", "_");
        if (s.isEmpty() || s.equals("_")) {
            return FALLBACK;
        }
        if (DEVICE.matcher(s).matches()) {
            s = "_" + s;
        }
        return fit(s);
    }

    /** True when {@code name} is shown as it is. */
    public static boolean isSafe(String name) {
        return name != null && name.equals(of(name));
    }

    private static String fit(String s) {
        if (bytes(s) <= MAX_BYTES) {
            return s;
        }
        var ext = EXTENSION.matcher(s);
        String extension = ext.find() ? s.substring(ext.start()) : "";
        String stem = s.substring(0, s.length() - extension.length());
        int budget = MAX_BYTES - bytes(extension);
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < stem.length(); ) {
            int cp = stem.codePointAt(i);
            int size = bytes(new String(Character.toChars(cp)));
            if (used + size > budget) {
                break;
            }
            kept.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        String cut = kept.toString().stripTrailing().replaceAll("[. ]+$", "");
        return (cut.isEmpty() ? FALLBACK.substring(0, Math.min(FALLBACK.length(), budget)) : cut) + extension;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
