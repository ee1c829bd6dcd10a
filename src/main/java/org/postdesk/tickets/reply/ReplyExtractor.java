package org.postdesk.tickets.reply;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Finds what a reply mail adds to its thread: for an agent, what goes to the customer; for a
 * customer, what the agent is shown first. One piece of code for both, so both read a reply alike.
 *
 * <p>The quote starts at the first line {@link QuoteHeaders} recognises (inside a forwarded message
 * only at a header followed by {@code >} lines or by our marker, since a forward is the writer's own
 * content). Then:
 * <ul>
 *   <li>no quote: the whole mail ({@link ReplyShape#PLAIN});</li>
 *   <li>a quote that is not quoted with {@code >} (Outlook, Apple Mail's unquoted form): the text
 *       above it ({@link ReplyShape#TOP});</li>
 *   <li>a {@code >} quote with unquoted, non-blank lines between its quoted lines: the reply as
 *       written, quoting kept ({@link ReplyShape#INLINE}), without the quote header and without our
 *       notice's frame ({@link NoticeFrame}); a single short line that continues the quoted line above
 *       it (a client breaking a long quoted line) makes it {@link ReplyShape#UNSURE};</li>
 *   <li>unquoted lines only below the quote: with nothing above it, they are the reply
 *       ({@link ReplyShape#BOTTOM}); with text above, they are dropped when they are an RFC 3676
 *       signature, kept when they are a "Sent from my …" line, and otherwise nobody can tell an answer
 *       from a footer ({@link ReplyShape#UNSURE}).</li>
 * </ul>
 * A quote written with tabs (mailx, s-nail) is read as a {@code >} quote ({@link TabQuotes}).
 * Last, trailing blank and quoted lines, debris (a lone line of dashes or underscores) and a last attribution are
 * removed, leading blank lines too, our own notice lines wherever they stand, and for an agent the
 * RFC 3676 §4.3 signature ({@code "-- "} and what follows it). Every step looks at each line a
 * bounded number of times, so the extraction is linear in the mail's size.
 */
public final class ReplyExtractor {
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final String SIGNATURE_SEPARATOR = "-- ";
    private static final Pattern DEBRIS = Pattern.compile("[-_=~*]{2,}");
    private static final Pattern SENT_FROM = Pattern.compile(
            "(?:sent from|sent with|get outlook for|отправлено с|отправлено из|надіслано з|надіслано із)\\s.{0,120}",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A quoted line this long that the next unquoted line continues was probably broken by the client. */
    private static final int WRAPPED_LINE = 60;
    /** No client's quote header block (From:, Sent:, To:, Cc:, Subject:) is longer. */
    private static final int HEADER_BLOCK_LINES = 8;

    private final NoticeFrame frame;

    /** @param frame our notification's own lines, removed from what is extracted */
    public ReplyExtractor(NoticeFrame frame) {
        this.frame = Objects.requireNonNull(frame, "frame");
    }

    /** What {@code writer} added in {@code body}; see the class comment for the rules. */
    public ExtractedReply extract(String body, Writer writer) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(writer, "writer");
        String[] lines = TabQuotes.asAngleQuotes(LINE_BREAK.split(body, -1));
        boolean[] drop = new boolean[lines.length];
        ReplyShape shape = read(lines, quoteStart(lines, 0, lines.length), drop, writer);
        for (int i = 0; i < lines.length; i++) {
            drop[i] |= frame.isOwnLine(lines[i]);
        }
        tidy(lines, drop, writer);
        return result(lines, drop, shape);
    }

    /** Decides the shape and marks in {@code drop} what is not the writer's. */
    private ReplyShape read(String[] lines, int q, boolean[] drop, Writer writer) {
        int n = lines.length;
        if (q < 0) {
            return hasQuotedLines(lines, 0, n) ? ReplyShape.INLINE : ReplyShape.PLAIN;
        }
        int body = firstNonBlank(lines, q + QuoteHeaders.length(lines, q), n);
        boolean markerQuoted = QuoteHeaders.isQuoted(lines[q]);
        if (markerQuoted) {
            body = q;
        }
        if (body >= n || !QuoteHeaders.isQuoted(lines[body])) {
            dropRange(drop, q, n);
            return ReplyShape.TOP;
        }
        int quotedEnd = lastQuoted(lines, body, n);
        int lastQuoted = lastOwnLine(lines, quotedEnd, n);
        boolean above = hasText(lines, 0, q);
        Interleaving inside = interleaving(lines, body, quotedEnd);
        boolean tail = hasText(lines, lastQuoted + 1, n);
        if (inside != Interleaving.NONE) {
            dropRange(drop, q, body);
            frame.mark(lines, body, n, drop);
            return inside == Interleaving.ANSWERS ? ReplyShape.INLINE : ReplyShape.UNSURE;
        }
        if (!tail) {
            dropRange(drop, q, n);
            return ReplyShape.TOP;
        }
        if (!above) {
            dropRange(drop, 0, lastQuoted + 1);
            int again = quoteStart(lines, lastQuoted + 1, n);
            if (again >= 0) {
                dropRange(drop, again, n);
            }
            return ReplyShape.BOTTOM;
        }
        return tailBelowTop(lines, q, lastQuoted, drop, writer);
    }

    /** Text above the quote and unquoted lines below it: a signature, a "Sent from" line, or unsure. */
    private ReplyShape tailBelowTop(String[] lines, int q, int lastQuoted, boolean[] drop, Writer writer) {
        int n = lines.length;
        int first = firstNonBlank(lines, lastQuoted + 1, n);
        if (lines[first].stripTrailing().equals("--") || lines[first].equals(SIGNATURE_SEPARATOR)) {
            dropRange(drop, q, n);
            return ReplyShape.TOP;
        }
        if (allSentFrom(lines, first, n)) {
            dropRange(drop, q, lastQuoted + 1);
            return ReplyShape.TOP;
        }
        if (writer == Writer.CUSTOMER) {
            dropRange(drop, q, lastQuoted + 1);
        } else {
            dropRange(drop, q, firstNonBlank(lines, q + QuoteHeaders.length(lines, q), n));
            frame.mark(lines, q, n, drop);
        }
        return ReplyShape.UNSURE;
    }

    private enum Interleaving { NONE, ANSWERS, WRAP_DEBRIS }

    /** Whether unquoted text stands between quoted lines in {@code [from, lastQuoted]}, and of which kind. */
    private static Interleaving interleaving(String[] lines, int from, int lastQuoted) {
        boolean found = false;
        boolean onlyDebris = true;
        for (int i = from; i < lastQuoted; i++) {
            if (lines[i].isBlank() || QuoteHeaders.isQuoted(lines[i])) {
                continue;
            }
            found = true;
            onlyDebris &= looksLikeBrokenWrap(lines, i);
        }
        return !found ? Interleaving.NONE : onlyDebris ? Interleaving.WRAP_DEBRIS : Interleaving.ANSWERS;
    }

    /** One short unquoted line, in lower case, right between a long quoted line and another quoted line. */
    private static boolean looksLikeBrokenWrap(String[] lines, int i) {
        String line = lines[i].strip();
        return i > 0 && i + 1 < lines.length && QuoteHeaders.isQuoted(lines[i - 1]) && QuoteHeaders.isQuoted(lines[i + 1])
                && lines[i - 1].strip().length() >= WRAPPED_LINE && line.length() < WRAPPED_LINE
                && Character.isLowerCase(line.codePointAt(0));
    }

    /**
     * The first quote start in {@code [from, to)}. Inside a forwarded message its own header block
     * (From:, Date:…) is the writer's content: there only a header followed by {@code >} lines, or with
     * our marker close below, starts the quote.
     */
    private static int quoteStart(String[] lines, int from, int to) {
        boolean forwarded = false;
        for (int i = from; i < to; i++) {
            if (QuoteHeaders.startsForward(lines[i])) {
                forwarded = true;
            } else if (forwarded && QuoteHeaders.endsForward(lines[i])) {
                forwarded = false;
            } else if (QuoteHeaders.startsAt(lines, i) && (!forwarded || markerBelowBlock(lines, i)
                    || QuoteHeaders.isQuoted(QuoteHeaders.nextNonBlank(lines, i)))) {
                return i;
            }
        }
        return -1;
    }

    /** Our marker right below the header block that starts at {@code i} (Outlook's From:/Sent:/To:/Subject:). */
    private static boolean markerBelowBlock(String[] lines, int i) {
        int j = i;
        while (j < lines.length && j - i < HEADER_BLOCK_LINES && !lines[j].isBlank()) {
            j++;
        }
        return NoticeFrame.isMarker(QuoteHeaders.nextNonBlank(lines, j - 1));
    }

    /** Drops trailing blank, quoted and debris lines, leading blank lines and, for an agent, the signature. */
    private static void tidy(String[] lines, boolean[] drop, Writer writer) {
        dropTrailing(lines, drop);
        if (writer == Writer.AGENT) {
            for (int i = lines.length - 1; i >= 0; i--) {
                if (!drop[i] && lines[i].equals(SIGNATURE_SEPARATOR)) {
                    dropRange(drop, i, lines.length);
                    dropTrailing(lines, drop);
                    break;
                }
            }
        }
        for (int i = 0; i < lines.length && (drop[i] || lines[i].isBlank()); i++) {
            drop[i] = true;
        }
    }

    private static void dropTrailing(String[] lines, boolean[] drop) {
        for (int i = lines.length - 1; i >= 0; i--) {
            if (drop[i]) {
                continue;
            }
            String s = lines[i].strip();
            // A client's "Name wrote:" left last, above a quote that was removed, is not the writer's text.
            if (!s.isEmpty() && !QuoteHeaders.isQuoted(s) && !DEBRIS.matcher(s).matches()
                    && !QuoteHeaders.isAttribution(s)) {
                return;
            }
            drop[i] = true;
        }
    }

    private static ExtractedReply result(String[] lines, boolean[] drop, ReplyShape shape) {
        if (shape.keepsQuotes()) {
            collapseBlankRuns(lines, drop);
        }
        List<String> text = new ArrayList<>();
        BitSet kept = new BitSet(lines.length);
        int hidden = 0;
        int last = -1;
        for (int i = 0; i < lines.length; i++) {
            if (drop[i]) {
                hidden += QuoteHeaders.unquoted(lines[i]).isEmpty() ? 0 : 1; // a bare ">" hides nothing
                continue;
            }
            boolean blank = lines[i].isBlank();
            boolean gap = last >= 0 && last + 1 < i && !shape.keepsQuotes();
            if (gap && blank && lines[last].isBlank()) {
                continue; // the quote removed between two blank lines leaves one blank line, not two
            }
            if (gap && !blank && !lines[last].isBlank()) {
                text.add(""); // text above and below a folded quote stay apart
            }
            text.add(lines[i]);
            kept.set(i);
            last = i;
        }
        return new ExtractedReply(String.join("\n", text).stripTrailing(), shape, lines.length, hidden, kept);
    }

    /**
     * Where quoting is kept, a run of blank lines (quoted or not) that the removed lines of our notice
     * leave behind becomes one: the unquoted one when there is one, as it separates the writer's text.
     */
    private static void collapseBlankRuns(String[] lines, boolean[] drop) {
        int runStart = -1;
        int keep = -1;
        for (int i = 0; i <= lines.length; i++) {
            boolean blank = i < lines.length && QuoteHeaders.unquoted(lines[i]).isEmpty();
            if (i < lines.length && drop[i]) {
                continue;
            }
            if (blank) {
                runStart = runStart < 0 ? i : runStart;
                keep = keep < 0 || lines[i].isBlank() && !lines[keep].isBlank() ? i : keep;
                continue;
            }
            for (int j = Math.max(runStart, 0); runStart >= 0 && j < i; j++) {
                drop[j] |= j != keep;
            }
            runStart = -1;
            keep = -1;
        }
    }

    private static void dropRange(boolean[] drop, int from, int to) {
        for (int i = from; i < to; i++) {
            drop[i] = true;
        }
    }

    private static boolean hasText(String[] lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!lines[i].isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasQuotedLines(String[] lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (QuoteHeaders.isQuoted(lines[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean allSentFrom(String[] lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!lines[i].isBlank() && !SENT_FROM.matcher(lines[i].strip()).matches()) {
                return false;
            }
        }
        return true;
    }

    private static int lastQuoted(String[] lines, int from, int to) {
        int last = from;
        for (int i = from; i < to; i++) {
            if (QuoteHeaders.isQuoted(lines[i])) {
                last = i;
            }
        }
        return last;
    }

    /** {@code lastQuoted}, or a later line of our notice that the client left unquoted: the notice ends there. */
    private int lastOwnLine(String[] lines, int lastQuoted, int to) {
        int last = lastQuoted;
        for (int i = lastQuoted + 1; i < to; i++) {
            if (frame.isOwnLine(lines[i])) {
                last = i;
            }
        }
        return last;
    }

    private static int firstNonBlank(String[] lines, int from, int to) {
        int i = from;
        while (i < to && lines[i].isBlank()) {
            i++;
        }
        return i;
    }
}
