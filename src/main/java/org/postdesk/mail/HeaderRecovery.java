package org.postdesk.mail;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Repairs the top-level header section before mime4j reads it, the way Python's {@code email} package
 * and mail clients read damaged mail, so that a stray blank line does not turn From, Subject and
 * Message-ID into body text.
 *
 * <p>mime4j is strict about where headers start and end: a leading blank line, or an indented first
 * line, ends the header section at once. This is ours because no library offers these repairs:
 * <ul>
 *   <li>an mbox {@code From } line, leading blank or whitespace-only lines and up to three lines of text
 *       right before well-known header fields are skipped;</li>
 *   <li>an indented first header is un-indented (Python: FirstHeaderLineIsContinuationDefect);</li>
 *   <li>a line without a colon that is followed by more headers is a continuation written without its
 *       indent; one that is not is where the body starts (a missing separator: a blank line is
 *       inserted, as Python's MissingHeaderBodySeparatorDefect reads it);</li>
 *   <li>line ends in the header section become CRLF, whether they were LF, bare CR or mixed.</li>
 * </ul>
 * Only the header section is copied; the body is left to be streamed.
 */
final class HeaderRecovery {

    /** RFC 5322 §2.2: printable US-ASCII except colon, then optional blanks and the colon. */
    private static final Pattern HEADER_LINE = Pattern.compile("[\\x21-\\x39\\x3B-\\x7E]+[ \\t]*:.*", Pattern.DOTALL);
    private static final byte[] CRLF = {'\r', '\n'};
    private static final Pattern KNOWN_FIELD = Pattern.compile(
            "(?i)(from|to|cc|subject|date|received|return-path|message-id|mime-version|delivered-to|reply-to"
                    + "|x-original-to|content-type)[ \t]*:");
    private static final int MAX_JUNK_LINES = 3;

    private HeaderRecovery() {
    }

    /** The repaired header section (ending with its blank line) and where the body starts in {@code raw}. */
    record Repaired(byte[] headers, int bodyStart) {
    }

    /** Repairs the header section of {@code raw}; notes name each repair made. */
    static Repaired repair(byte[] raw, List<String> notes) {
        Lines lines = new Lines(raw);
        skipPreamble(lines, notes);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(raw.length, 8192));
        boolean first = true;
        while (lines.hasNext()) {
            String line = lines.peek();
            if (line.isEmpty()) {
                lines.next();
                break;
            }
            if (first && isBlank(line.charAt(0)) && HEADER_LINE.matcher(line.strip()).matches()) {
                notes.add("header section: indented first header line read as a header");
                line = line.strip();
            } else if (!first && !isBlank(line.charAt(0)) && !HEADER_LINE.matcher(line).matches()) {
                if (!headerFollows(lines)) {
                    notes.add("header section: no blank line before the body");
                    break;
                }
                notes.add("header section: unindented continuation line joined to the previous header");
                line = " " + line;
            } else if (first && !HEADER_LINE.matcher(line).matches()) {
                notes.add("no header section found, the whole message read as body");
                break;
            }
            out.writeBytes(Lines.bytes(line));
            out.writeBytes(CRLF);
            lines.next();
            first = false;
        }
        out.writeBytes(CRLF);
        if (lines.sawBareCr()) {
            notes.add("header section: bare CR line ends read as line ends");
        }
        return new Repaired(out.toByteArray(), lines.position());
    }

    private static void skipPreamble(Lines lines, List<String> notes) {
        if (lines.hasNext() && lines.peek().startsWith("From ") && !HEADER_LINE.matcher(lines.peek()).matches()) {
            lines.next(); // mbox separator line
        }
        int start = lines.position();
        int skipped = 0;
        while (lines.hasNext() && lines.peek().isBlank() && skipped < 20) {
            lines.next();
            skipped++;
        }
        if (skipped > 0) {
            if (lines.hasNext() && HEADER_LINE.matcher(lines.peek().strip()).matches()) {
                notes.add("header section: " + skipped + " blank line(s) before the headers skipped");
            } else {
                lines.reset(start);
            }
        }
        skipJunkLines(lines, notes);
    }

    /**
     * A few lines of text before the real header section ({@code ---- Original email message ----}, written by
     * some forwarding scripts and web forms, seen in Zammad's test mails): skipped when well-known header fields
     * follow at once, as Zammad reads such mail; otherwise the whole message would be body and have no sender.
     */
    private static void skipJunkLines(Lines lines, List<String> notes) {
        int start = lines.position();
        for (int junk = 1; junk <= MAX_JUNK_LINES && lines.hasNext(); junk++) {
            String line = lines.next();
            if (line.isBlank() || isBlank(line.charAt(0)) || HEADER_LINE.matcher(line).matches()) {
                break; // an indented first header is repaired below, not skipped
            }
            if (knownHeadersFollow(lines)) {
                notes.add("header section: " + junk + " line(s) of text before the headers skipped");
                return;
            }
        }
        lines.reset(start);
    }

    /** Whether the next lines are header fields, at least one of them a field every mail system writes. */
    private static boolean knownHeadersFollow(Lines lines) {
        int mark = lines.position();
        boolean known = false;
        int fields = 0;
        for (int i = 0; i < 3 && lines.hasNext(); i++) {
            String line = lines.next();
            if (!HEADER_LINE.matcher(line).matches()) {
                break;
            }
            fields++;
            known |= KNOWN_FIELD.matcher(line).lookingAt();
        }
        lines.reset(mark);
        return fields >= 2 && known;
    }

    /**
     * Whether a header line comes after the current line before the blank line (looking a few lines ahead). A MIME
     * delimiter line ({@code --boundary}) on the way means the body has begun: the line without a colon is a
     * multipart preamble ("This is a multi-part message in MIME format.") written without the blank line before it,
     * and the fields after the delimiter are the first part's, not the message's (enmime's qp-utf8-header-no-break;
     * Python reads it so too).
     */
    private static boolean headerFollows(Lines lines) {
        int mark = lines.position();
        lines.next();
        boolean found = false;
        for (int i = 0; i < 5 && lines.hasNext(); i++) {
            String next = lines.next();
            if (next.isEmpty() || next.startsWith("--")) {
                break;
            }
            if (HEADER_LINE.matcher(next).matches()) {
                found = true;
                break;
            }
        }
        lines.reset(mark);
        return found;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Lines of raw bytes, one char per byte, ending at LF, CRLF or a bare CR. */
    private static final class Lines {
        private final byte[] raw;
        private int pos;
        private boolean bareCr;

        Lines(byte[] raw) {
            this.raw = raw;
        }

        boolean hasNext() {
            return pos < raw.length;
        }

        int position() {
            return pos;
        }

        void reset(int position) {
            pos = position;
        }

        boolean sawBareCr() {
            return bareCr;
        }

        String peek() {
            int mark = pos;
            boolean cr = bareCr;
            String line = next();
            pos = mark;
            bareCr = cr;
            return line;
        }

        String next() {
            int start = pos;
            int end = start;
            while (end < raw.length && raw[end] != '\n' && raw[end] != '\r') {
                end++;
            }
            int after = end;
            if (after < raw.length && raw[after] == '\r') {
                after++;
                if (after < raw.length && raw[after] == '\n') {
                    after++;
                } else {
                    bareCr = true;
                }
            } else if (after < raw.length) {
                after++;
            }
            pos = after;
            return new String(raw, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        static byte[] bytes(String line) {
            return line.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }
}
