package org.postdesk.tickets.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Takes out of an agent's text, before it can reach a customer, every line that belongs to our
 * notifications (issue 9): each line carrying a reply token (a {@code Ref: pd1.…} line, a quoted
 * {@code Message-ID: <pd1.…@…>} of a forwarded notice, wherever it stands, quoted or not), the
 * "reply above this line" marker, and the command help line, also when a mail client wrapped it over
 * several lines. It works on the text the reply extractor kept ({@link ReplyTrimmer}), so a client that
 * does not quote, an agent who copies the line, or a forward can no longer leak the token: a customer
 * holding one could otherwise try to act as the agent.
 *
 * <p>Pure and thread-safe.
 */
public final class TokenScrubber {
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final Pattern QUOTE_PREFIX = Pattern.compile("^[\\s>|]*");
    private static final Pattern MARKER = Pattern.compile("reply\\s+above\\s+this\\s+line", Pattern.CASE_INSENSITIVE);
    /** Three or more command usages on one line is our help line (or a wrapped piece of it), in any language. */
    private static final Pattern USAGE = Pattern.compile("(?<![\\p{L}\\p{N}])#[a-z]+\\b");
    private static final int USAGES_OF_HELP = 3;
    private static final int MAX_HELP_LINES = 8;

    private final List<String> helpOpenings;

    /** @param helpOpenings how the help line begins in each language notices are written in */
    public TokenScrubber(List<String> helpOpenings) {
        this.helpOpenings = helpOpenings.stream().map(TokenScrubber::norm).filter(s -> !s.isEmpty()).toList();
    }

    /** {@code text} without the lines described above; line breaks become {@code \n}. */
    public String scrub(String text) {
        Objects.requireNonNull(text, "text");
        String[] lines = LINE_BREAK.split(text, -1);
        List<String> kept = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            String bare = QUOTE_PREFIX.matcher(lines[i]).replaceFirst("");
            if (startsHelp(bare)) {
                i = endOfHelp(lines, i);
            } else if (!ReplyTokenCodec.mentionsToken(lines[i]) && !MARKER.matcher(bare).find()
                    && !isCommandList(bare)) {
                kept.add(lines[i]);
            }
        }
        return String.join("\n", kept).strip();
    }

    private boolean startsHelp(String bare) {
        String n = norm(bare);
        return helpOpenings.stream().anyMatch(o -> n.startsWith(o) || o.startsWith(n) && n.length() > 12);
    }

    /** The last line of a help line that begins at {@code start}: it ends with a full stop or a blank line. */
    private static int endOfHelp(String[] lines, int start) {
        for (int i = start; i < Math.min(lines.length, start + MAX_HELP_LINES); i++) {
            String bare = QUOTE_PREFIX.matcher(lines[i]).replaceFirst("").strip();
            if (i > start && bare.isEmpty()) {
                return i - 1;
            }
            if (bare.endsWith(".")) {
                return i;
            }
        }
        return start;
    }

    private static boolean isCommandList(String bare) {
        return USAGE.matcher(bare).results().map(m -> m.group().toLowerCase(Locale.ROOT)).distinct().count()
                >= USAGES_OF_HELP && bare.contains(",");
    }

    private static String norm(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
