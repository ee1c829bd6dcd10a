package org.postdesk.tickets.agent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Cuts an agent's reply down to what the agent typed, so the quoted notification (with its reply
 * token and the customer's own words) is never sent back to the customer.
 *
 * <p>In order:
 * <ol>
 *   <li>The reply is cut at the first line that starts the quoted part: our {@link #MARKER} (any
 *       case, any run of {@code -}, {@code #}, {@code =} or {@code _} around it, also quoted with
 *       {@code >}); a quote header of Gmail (also wrapped over two lines), Apple Mail or
 *       Thunderbird ({@code On <date> <time>, Name wrote:}), or the Russian and Ukrainian forms
 *       that start with the date and end in {@code написал(а):}, {@code пишет:},
 *       {@code написав(-ла):}, {@code пише:} or the sender's {@code <address>:}; Thunderbird's
 *       bare {@code Name wrote:} when quoted lines follow it; Outlook's
 *       {@code -----Original Message-----}, a line of underscores followed by a {@code From:}
 *       block, or a {@code From:}/{@code От:}/{@code Від:} line followed by
 *       {@code Sent:}/{@code Date:}/{@code Отправлено:}/{@code Надіслано:} within four lines; or any
 *       line ending in {@code :} right before our quoted marker (the attribution of mutt, alpine,
 *       s-nail or a custom one such as {@code * Name <a@b> [2026-11-23 10:00]:}).</li>
 *   <li>Trailing blank lines and lines quoted with {@code >} are removed.</li>
 *   <li>If a line that is exactly {@code "-- "} (the RFC 3676 §4.3 signature separator) is left,
 *       it and everything after it are removed: after the cuts above a signature can only be at
 *       the end. A bare {@code "--"} is kept, since it is also ordinary punctuation.</li>
 *   <li>Trailing whitespace is removed. Line breaks become {@code \n}; nothing else changes.</li>
 * </ol>
 *
 * <p>A reply written below the quote (bottom-posting, the habit of many mutt users) is recognised
 * when nothing was typed above it and the notification is quoted with {@code >}, our marker included:
 * the unquoted lines after the last quoted one are then the reply, cut by the same rules. Text the
 * agent wrote between quoted lines (inline answers) is not guessed at.
 */
public final class ReplyTrimmer {
    /** The line our notifications put above the quoted text. */
    public static final String MARKER = "-- reply above this line --";

    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final Pattern QUOTE_PREFIX = Pattern.compile("^(?:>[ \\t]?)+");
    private static final Pattern MARKER_LINE = Pattern.compile(
            "[-#=_*\\s]*(?:please\\s+)?(?:type\\s+your\\s+)?reply\\s+above\\s+this\\s+line[-#=_*\\s.!]*", CI);
    private static final String WROTE =
            "(?:wrote|написал\\(а\\)|написала|написал|пишет|написав\\(-ла\\)|написав|пише)";
    private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}");
    /** Gmail, Apple Mail, Thunderbird: "On Mon, 3 Nov 2026 at 10:00, Name <a@b> wrote:". */
    private static final Pattern ON_WROTE = Pattern.compile(
            "On\\s.*\\s" + WROTE + "\\s?:", CI);
    /** Russian and Ukrainian clients start with the date: "3 нояб. 2026 г., в 10:00, Name <a@b> написал(а):". */
    private static final Pattern DATE_FIRST = Pattern.compile(
            "(?:\\p{L}{1,12}\\.?,\\s*)?\\d{1,4}[\\s./-].*(?:\\s" + WROTE + "|>)\\s?:", CI);
    private static final Pattern HEADER_START = Pattern.compile("On\\s|(?:\\p{L}{1,12}\\.?,\\s*)?\\d", CI);
    /** Thunderbird without a date: "Name wrote:"; an agent may type that too, so only when quoted lines follow. */
    private static final Pattern NAME_WROTE = Pattern.compile(".{1,120}\\s" + WROTE + "\\s?:", CI);
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "-{2,}\\s*(?:original message|исходное сообщение|оригінальне повідомлення)\\s*-{2,}", CI);
    private static final Pattern RULE = Pattern.compile("_{20,}");
    private static final Pattern FROM = Pattern.compile("\\*?(?:from|от|від)\\s?:.*", CI);
    private static final Pattern SENT = Pattern.compile("\\*?(?:sent|date|отправлено|дата|надіслано)\\s?:.*", CI);
    private static final int FROM_BLOCK_LINES = 4;
    private static final int MAX_HEADER_LENGTH = 400;
    private static final String SIGNATURE_SEPARATOR = "-- ";

    /** What the agent typed in {@code body}; see the class comment for the rules. */
    public String trim(String body) {
        Objects.requireNonNull(body, "body");
        String[] lines = LINE_BREAK.split(body, -1);
        String above = typedAbove(lines);
        if (!above.isEmpty()) {
            return above;
        }
        int lastQuoted = lastQuotedLineWithMarkerAbove(lines);
        return lastQuoted < 0 ? "" : typedAbove(Arrays.copyOfRange(lines, lastQuoted + 1, lines.length));
    }

    private static String typedAbove(String[] lines) {
        int end = 0;
        while (end < lines.length && !quoteStartsAt(lines, end)) {
            end++;
        }
        List<String> kept = new ArrayList<>(Arrays.asList(lines).subList(0, end));
        while (!kept.isEmpty() && isBlankOrQuoted(kept.get(kept.size() - 1))) {
            kept.remove(kept.size() - 1);
        }
        while (!kept.isEmpty() && kept.get(0).isBlank()) {
            kept.remove(0);
        }
        int signature = kept.lastIndexOf(SIGNATURE_SEPARATOR);
        if (signature >= 0) {
            kept.subList(signature, kept.size()).clear();
        }
        return String.join("\n", kept).stripTrailing();
    }

    /** The last line quoted with {@code >} when our marker is among the quoted lines, else -1. */
    private static int lastQuotedLineWithMarkerAbove(String[] lines) {
        boolean marker = false;
        int last = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith(">")) {
                marker |= isMarker(line);
                last = i;
            }
        }
        return marker ? last : -1;
    }

    private static boolean quoteStartsAt(String[] lines, int i) {
        String line = lines[i].strip();
        if (line.isEmpty() || line.length() > MAX_HEADER_LENGTH) {
            return false; // no header is that long, and long lines would make the patterns slow
        }
        return isMarker(line)
                || ORIGINAL_MESSAGE.matcher(line).matches()
                || RULE.matcher(line).matches() && FROM.matcher(nextNonBlank(lines, i)).matches()
                || FROM.matcher(line).matches() && sentFollows(lines, i)
                || datedHeaderAt(lines, i)
                || NAME_WROTE.matcher(line).matches() && nextNonBlank(lines, i).startsWith(">")
                || line.endsWith(":") && nextNonBlank(lines, i).startsWith(">") && isMarker(nextNonBlank(lines, i));
    }

    private static boolean isMarker(String line) {
        return MARKER_LINE.matcher(QUOTE_PREFIX.matcher(line).replaceFirst("")).matches();
    }

    /** A dated header on this line, or wrapped onto the next one as Gmail does for long names. */
    private static boolean datedHeaderAt(String[] lines, int i) {
        String line = lines[i].strip();
        if (isDatedHeader(line)) {
            return true;
        }
        if (i + 1 == lines.length || !HEADER_START.matcher(line).lookingAt() || line.matches(".*[.!?]")) {
            return false; // a line ending a sentence is the agent's text, not half a header
        }
        String next = lines[i + 1].strip();
        if (next.length() > MAX_HEADER_LENGTH) {
            return false;
        }
        // When the next line is a whole header by itself, the cut belongs there, not here.
        return !next.isEmpty() && !isDatedHeader(next) && isDatedHeader(line + " " + next);
    }

    private static boolean isDatedHeader(String text) {
        // Every client puts the time in its header; checking it apart keeps the patterns linear.
        return text.endsWith(":") && TIME.matcher(text).find()
                && (ON_WROTE.matcher(text).matches() || DATE_FIRST.matcher(text).matches());
    }

    private static boolean sentFollows(String[] lines, int i) {
        for (int j = i + 1; j < Math.min(lines.length, i + 1 + FROM_BLOCK_LINES); j++) {
            if (SENT.matcher(lines[j].strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static String nextNonBlank(String[] lines, int i) {
        for (int j = i + 1; j < lines.length; j++) {
            if (!lines[j].isBlank()) {
                return lines[j].strip();
            }
        }
        return "";
    }

    private static boolean isBlankOrQuoted(String line) {
        return line.isBlank() || line.stripLeading().startsWith(">");
    }
}
