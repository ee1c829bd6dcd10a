package org.postdesk.tickets.reply;

import java.util.regex.Pattern;

/**
 * The lines mail clients write where a quote starts, and the forwarded-message headers that must
 * not be taken for one. Every test here looks at one line and at most a few lines after it, and no
 * pattern runs on a line longer than {@value #MAX_HEADER_LENGTH} characters, so a scan of a whole
 * mail is linear in its size.
 *
 * <p>A quote starts at: our {@link NoticeFrame#MARKER} (also quoted); a quote header of Gmail (also
 * wrapped over two lines), Apple Mail, Thunderbird, K-9 and FairEmail ({@code On <date> <time>, Name
 * wrote:}), or the Russian and Ukrainian forms that start with the date and end in {@code написал(а):},
 * {@code пишет:}, {@code написав(-ла):}, {@code пише:} or the sender's {@code <address>:} (Yandex and
 * Mail.ru web); Thunderbird's bare {@code Name wrote:} when quoted lines follow it; Outlook's
 * {@code -----Original Message-----}, a line of underscores followed by a {@code From:} block (Outlook
 * web), or a {@code From:}/{@code От:}/{@code Від:} line followed by a date line within four lines; or
 * any line ending in {@code :} right before our quoted marker (the attribution of mutt, alpine, s-nail
 * or a custom one such as {@code * Name <a@b> [2026-11-23 10:00]:}).
 */
final class QuoteHeaders {
    static final int MAX_HEADER_LENGTH = 400;
    private static final int CI = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String WROTE =
            "(?:wrote|написал\\(а\\)|написала|написал|пишет|написав\\(-ла\\)|написав|пише)";
    private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}");
    /** Gmail, Apple Mail, Thunderbird, K-9: "On Mon, 3 Nov 2026 at 10:00, Name <a@b> wrote:". */
    private static final Pattern ON_WROTE = Pattern.compile("On\\s.*\\s" + WROTE + "\\s?:", CI);
    /** Russian and Ukrainian clients start with the date: "3 нояб. 2026 г., в 10:00, Name <a@b> написал(а):". */
    private static final Pattern DATE_FIRST = Pattern.compile(
            "(?:\\p{L}{1,12}\\.?,\\s*)?\\d{1,4}[\\s./-].*(?:\\s" + WROTE + "|>)\\s?:", CI);
    private static final Pattern HEADER_START = Pattern.compile("On\\s|(?:\\p{L}{1,12}\\.?,\\s*)?\\d", CI);
    /** Thunderbird without a date: "Name wrote:"; an agent may type that too, so only when quoted lines follow. */
    private static final Pattern NAME_WROTE = Pattern.compile(".{1,120}\\s" + WROTE + "\\s?:", CI);
    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "-{2,}\\s*(?:original message|исходное сообщение|оригінальне повідомлення|вихідне повідомлення)\\s*-{2,}",
            CI);
    private static final Pattern RULE = Pattern.compile("_{20,}");
    private static final Pattern FROM = Pattern.compile("\\*?(?:from|от|від|от кого|від кого)\\s?:.*", CI);
    private static final Pattern SENT = Pattern.compile(
            "\\*?(?:sent|date|отправлено|дата|надіслано|відправлено)\\s?:.*", CI);
    /** Gmail, Thunderbird, K-9, Yandex and Mail.ru web: a dashed line naming a forwarded message. */
    private static final Pattern FORWARD_RULE = Pattern.compile("-{2,}\\s*(?:forwarded message|"
            + "пересылаемое сообщение|пересланное сообщение|переслане повідомлення|пересланий лист|"
            + "повідомлення, що пересилається)\\s*-{2,}", CI);
    /** Apple Mail: "Begin forwarded message:". */
    private static final Pattern FORWARD_BEGIN = Pattern.compile(
            "(?:begin forwarded message|начало переадресованного сообщения|початок пересланого повідомлення)\\s?:", CI);
    /** Yandex web closes the forwarded block. */
    private static final Pattern FORWARD_END = Pattern.compile(
            "-{2,}\\s*(?:end of forwarded message|конец пересылаемого сообщения|кінець пересланого повідомлення)\\s*-{2,}",
            CI);
    private static final int FROM_BLOCK_LINES = 4;

    private QuoteHeaders() {
    }

    /** Whether a quote starts at line {@code i}. */
    static boolean startsAt(String[] lines, int i) {
        String line = lines[i].strip();
        if (line.isEmpty() || line.length() > MAX_HEADER_LENGTH) {
            return false; // no header is that long, and long lines would make the patterns slow
        }
        char first = line.charAt(0);
        if (line.indexOf(':') < 0 && first != '-' && first != '_') {
            // Every other test below needs a colon in the line (From:, "wrote:", an attribution) or starts with a
            // rule; most lines of a mail are neither, and this runs on each of them.
            return NoticeFrame.isMarker(line) || datedHeaderAt(lines, i);
        }
        return NoticeFrame.isMarker(line)
                || ORIGINAL_MESSAGE.matcher(line).matches()
                || RULE.matcher(line).matches() && FROM.matcher(nextNonBlank(lines, i)).matches()
                || FROM.matcher(line).matches() && sentFollows(lines, i)
                || datedHeaderAt(lines, i)
                || NAME_WROTE.matcher(line).matches() && nextNonBlank(lines, i).startsWith(">")
                || line.endsWith(":") && nextNonBlank(lines, i).startsWith(">")
                    && NoticeFrame.isMarker(nextNonBlank(lines, i));
    }

    /**
     * Whether {@code line} is a client's attribution, the line above the quote it introduces: {@code Name wrote:}
     * or a dated header ({@code On <date> <time>, Name wrote:} and its Russian and Ukrainian forms).
     */
    static boolean isAttribution(String line) {
        String s = line.strip();
        return s.endsWith(":") && s.length() <= MAX_HEADER_LENGTH   // both forms end in the colon
                && (isDatedHeader(s) || NAME_WROTE.matcher(s).matches());
    }

    /** How many lines the header starting at {@code i} takes: 2 when Gmail wrapped it, else 1. */
    static int length(String[] lines, int i) {
        String line = lines[i].strip();
        return !NoticeFrame.isMarker(line) && !isDatedHeader(line) && datedHeaderAt(lines, i) ? 2 : 1;
    }

    static boolean startsForward(String line) {
        String s = line.strip();
        return s.length() <= MAX_HEADER_LENGTH && (FORWARD_RULE.matcher(s).matches() || FORWARD_BEGIN.matcher(s).matches());
    }

    static boolean endsForward(String line) {
        String s = line.strip();
        return s.length() <= MAX_HEADER_LENGTH && FORWARD_END.matcher(s).matches();
    }

    static boolean isQuoted(String line) {
        return line.stripLeading().startsWith(">");
    }

    /** The line without its {@code >} quoting and surrounding whitespace. */
    static String unquoted(String line) {
        // A loop, not QUOTE_PREFIX: this runs on every line several times, and is most of the extractor's time.
        int i = 0;
        int n = line.length();
        while (i < n && (line.charAt(i) == '>' || Character.isWhitespace(line.charAt(i)))) {
            i++;
        }
        return i == 0 ? line.strip() : line.substring(i).strip();
    }

    /** A dated header on this line, or wrapped onto the next one as Gmail does for long names. */
    private static boolean datedHeaderAt(String[] lines, int i) {
        String line = lines[i].strip();
        if (isDatedHeader(line)) {
            return true;
        }
        if (i + 1 == lines.length || !HEADER_START.matcher(line).lookingAt() || endsSentence(line)) {
            return false; // a line ending a sentence is the writer's text, not half a header
        }
        String next = lines[i + 1].strip();
        if (next.length() > MAX_HEADER_LENGTH) {
            return false;
        }
        // When the next line is a whole header by itself, the cut belongs there, not here.
        return !next.isEmpty() && !isDatedHeader(next) && isDatedHeader(line + " " + next);
    }

    /** What {@code line.matches(".*[.!?]")} tells of a stripped line, without compiling that pattern per line. */
    private static boolean endsSentence(String line) {
        char last = line.charAt(line.length() - 1);
        return (last == '.' || last == '!' || last == '?') && line.chars().noneMatch(QuoteHeaders::isLineBreak);
    }

    /** The characters {@code .} of a pattern does not match. */
    private static boolean isLineBreak(int c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static boolean isDatedHeader(String text) {
        // Every client puts the time in its header; checking it apart keeps the patterns linear.
        return text.endsWith(":") && TIME.matcher(text).find()
                && (ON_WROTE.matcher(text).matches() || DATE_FIRST.matcher(text).matches());
    }

    private static boolean sentFollows(String[] lines, int i) {
        for (int j = i + 1; j < Math.min(lines.length, i + 1 + FROM_BLOCK_LINES); j++) {
            if (lines[j].length() <= MAX_HEADER_LENGTH && SENT.matcher(lines[j].strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The next non-blank line after {@code i}, stripped; looks at most a few lines ahead to stay linear. */
    static String nextNonBlank(String[] lines, int i) {
        for (int j = i + 1; j < Math.min(lines.length, i + 1 + NEXT_LINE_REACH); j++) {
            if (!lines[j].isBlank()) {
                return lines[j].strip();
            }
        }
        return "";
    }

    /** Clients put at most a couple of blank lines between a header and the quote it introduces. */
    private static final int NEXT_LINE_REACH = 6;
}
