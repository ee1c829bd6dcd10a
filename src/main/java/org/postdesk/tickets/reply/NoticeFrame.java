package org.postdesk.tickets.reply;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines of our own notification that never reach a customer when an agent's reply quotes it:
 * the {@link #MARKER}, the {@code Ref:} line carrying the reply token, the command help line (in
 * every language we write it), the line saying where a follow-up's quoted history was folded, the block of ticket facts right below the marker, and the footer
 * from its {@code --} down to the {@code Ref:} line. Matched on the unquoted line, so they are found
 * at any quoting depth.
 */
public final class NoticeFrame {
    /** The line our notifications put above the quoted text. */
    public static final String MARKER = "-- reply above this line --";

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern MARKER_LINE = Pattern.compile(
            "[-#=_*\\s]*(?:please\\s+)?(?:type\\s+your\\s+)?reply\\s+above\\s+this\\s+line[-#=_*\\s.!]*", CI);
    /** The body reference of our notices ({@code Ref: pd1.…}); see ReplyTokenCodec for the token. */
    private static final Pattern REF = Pattern.compile("Ref:\\s*pd\\d+\\.\\S*");
    /** The line a follow-up notification puts where it folded the customer's quoted history. */
    private static final Pattern FOLD = Pattern.compile("…\\s.{1,200}:\\s*postdesk ticket show \\S+");
    private static final int MAX_MARKER_LENGTH = 200;
    /** No template puts more ticket facts than this between the marker and the customer's text. */
    static final int MAX_FACT_LINES = 8;
    /** Nor more lines than this between the footer's {@code --} and the {@code Ref:} line. */
    static final int MAX_FOOTER_LINES = 6;

    private final List<String> helpPrefixes;

    /** @param helpPrefixes how the command help line begins, in every language notices are written in */
    public NoticeFrame(List<String> helpPrefixes) {
        this.helpPrefixes = helpPrefixes.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** Whether {@code line} (quoted or not) is our marker, in any of the forms agents' clients leave it. */
    public static boolean isMarker(String line) {
        String s = QuoteHeaders.unquoted(line);
        return s.length() <= MAX_MARKER_LENGTH && MARKER_LINE.matcher(s).matches();
    }

    /** Whether {@code line} (quoted or not) is one of the single lines of the frame: marker, {@code Ref:}, help. */
    boolean isOwnLine(String line) {
        String s = QuoteHeaders.unquoted(line);
        if (s.isEmpty()) {
            return false;
        }
        if (s.length() <= MAX_MARKER_LENGTH && MARKER_LINE.matcher(s).matches() || REF.matcher(s).matches() || s.length() <= MAX_MARKER_LENGTH * 2 && FOLD.matcher(s).matches()) {
            return true;
        }
        for (String prefix : helpPrefixes) {
            if (s.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    static boolean isRef(String line) {
        return REF.matcher(QuoteHeaders.unquoted(line)).matches();
    }

    /**
     * Marks in {@code drop} the frame lines of the quoted notification in {@code lines[from, to)}:
     * the single lines, the facts block after the first marker (up to its blank line), and each
     * footer (the last {@code --} line at most {@value #MAX_FOOTER_LINES} lines above a {@code Ref:}).
     */
    void mark(String[] lines, int from, int to, boolean[] drop) {
        boolean factsDone = false;
        for (int i = from; i < to; i++) {
            if (!isOwnLine(lines[i])) {
                continue;
            }
            drop[i] = true;
            if (!factsDone && isMarker(lines[i])) {
                factsDone = true;
                markFacts(lines, i + 1, to, drop);
            } else if (isRef(lines[i])) {
                markFooter(lines, i, from, drop);
            }
        }
    }

    private static void markFacts(String[] lines, int from, int to, boolean[] drop) {
        int i = from;
        while (i < to && QuoteHeaders.unquoted(lines[i]).isEmpty()) {
            i++;
        }
        int start = i;
        while (i < to && i - start <= MAX_FACT_LINES && !QuoteHeaders.unquoted(lines[i]).isEmpty()
                && QuoteHeaders.isQuoted(lines[i])) {
            i++;
        }
        if (i == start || i == to || i - start > MAX_FACT_LINES || !QuoteHeaders.unquoted(lines[i]).isEmpty()) {
            return; // no block of facts closed by a blank line: the customer's text starts here
        }
        while (i < to && QuoteHeaders.isQuoted(lines[i]) && QuoteHeaders.unquoted(lines[i]).isEmpty()) {
            i++;
        }
        for (int j = from; j < i; j++) {
            drop[j] = true;
        }
    }

    private static void markFooter(String[] lines, int ref, int from, boolean[] drop) {
        for (int i = ref - 1; i >= Math.max(from, ref - MAX_FOOTER_LINES); i--) {
            if (QuoteHeaders.unquoted(lines[i]).equals("--")) {
                for (int j = i; j < ref; j++) {
                    drop[j] = true;
                }
                return;
            }
        }
    }
}
