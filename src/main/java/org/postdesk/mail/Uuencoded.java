package org.postdesk.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.util.UUDecoderStream;

/**
 * uuencode, the attachment format before MIME, still written by Lotus Notes, old Outlook Express and scripts
 * that pipe {@code uuencode} into {@code mail}: a {@code begin 644 name} line, lines of encoded text and an
 * {@code end} line, either pasted into a text/plain body or as a whole part with
 * {@code Content-Transfer-Encoding: x-uuencode} (then often without the begin and end lines). Neither mime4j nor
 * Python's {@code email} takes a file out of a text body; Request Tracker (MIME-tools) and Zammad do, and a help
 * desk must: otherwise the agent sees screens of encoded text and no attachment. The decoding itself is Angus
 * Mail's {@link UUDecoderStream}; only finding the blocks in a text is ours.
 */
final class Uuencoded {

    /** A begin line: mode and file name. */
    private static final Pattern BEGIN = Pattern.compile("begin [0-7]{3,4} (.*\\S)\\s*");
    /** An encoded line: only the characters 0x20-0x60 (a line scanner, not one regex: a block has thousands of lines). */
    private static final Pattern LINE = Pattern.compile("[\\x20-\\x60]*");

    private Uuencoded() {
    }

    /** A file taken out of a text. */
    record File(String name, byte[] content) {
    }

    /** The text without its uuencoded blocks, and the files they held (none: {@code text} unchanged). */
    record Split(String text, List<File> files) {
    }

    /** Whether a Content-Transfer-Encoding names uuencode (all spellings Angus Mail accepts). */
    static boolean isTransferEncoding(String transferEncoding) {
        return transferEncoding.equals("x-uuencode") || transferEncoding.equals("uuencode")
                || transferEncoding.equals("x-uue");
    }

    /** Decodes a part written with a uuencode transfer encoding; tolerates missing begin and end lines. */
    static InputStream decoding(InputStream in) {
        return new UUDecoderStream(in, true, true);
    }

    /** Takes every well-formed uuencoded block out of a text body (its line ends already line feeds). */
    static Split split(String text) {
        if (!text.contains("begin ")) {
            return new Split(text, List.of());
        }
        String[] lines = text.split("\n", -1);
        List<File> files = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            Matcher begin = BEGIN.matcher(lines[i]);
            int end = begin.matches() ? endOf(lines, i + 1) : -1;
            byte[] content = end < 0 ? null : decode(lines, i, end);
            if (content == null) {
                rest.append(lines[i]).append('\n');
                continue;
            }
            files.add(new File(begin.group(1), content));
            i = end;
        }
        if (files.isEmpty()) {
            return new Split(text, List.of());
        }
        return new Split(rest.toString().replaceAll("\n{3,}", "\n\n").strip(), files);
    }

    /** The index of the {@code end} line of a block whose encoded lines start at {@code from}, or -1. */
    private static int endOf(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            if (lines[i].strip().equals("end")) {
                return i > from ? i : -1;
            }
            if (!LINE.matcher(lines[i]).matches()) {
                return -1;
            }
        }
        return -1;
    }

    private static byte[] decode(String[] lines, int begin, int end) {
        String block = String.join("\n", Arrays.copyOfRange(lines, begin, end + 1)) + "\n";
        return decode(block);
    }

    private static byte[] decode(String block) {
        try (InputStream in = new UUDecoderStream(new ByteArrayInputStream(block.getBytes(StandardCharsets.ISO_8859_1)))) {
            return in.readAllBytes();
        } catch (IOException e) {
            return null; // not uuencode after all: the text stays as it was
        }
    }
}
