package org.postdesk.tickets;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes and reads the ticket tag ({@code [<label> #<number>]}) in email subjects.
 *
 * <p>Reading is lenient (any label, spacing, case) because mail clients and people rewrite
 * subjects; whether the number is genuine is decided by its check digit, not by the label.
 */
public final class SubjectTag {

    // Label: anything but brackets (may be empty or contain '#', as in "[C# #10019]").
    private static final Pattern TAG =
            Pattern.compile("\\[\\s*([^\\[\\]]*?)\\s*#\\s*([0-9]+)\\s*]", Pattern.CASE_INSENSITIVE);

    // Reply/forward prefixes in the languages our customers write in, with counters ("Re[2]:").
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern REPLY_PREFIX = Pattern.compile(
            "^(?:re|fw|fwd|aw|wg|sv|vs|antw|ответ|отв|пересл|відповідь|відп)"
                    + "\\s*(?:\\[\\d+]|\\(\\d+\\))?\\s*:\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The tag for ticket {@code n}, e.g. {@code [Support #10019]}. */
    public String format(String label, TicketNumber n) {
        String cleanLabel = label == null ? "" : label.strip();
        if (cleanLabel.contains("[") || cleanLabel.contains("]")) {
            throw new IllegalArgumentException("tag label '" + label + "' must not contain brackets");
        }
        String prefix = cleanLabel.isEmpty() ? "" : cleanLabel + " ";
        return "[" + prefix + "#" + n + "]";
    }

    /** The first tag in {@code subject}, or empty when there is none. */
    public Optional<FoundTag> find(String subject) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher m = TAG.matcher(subject);
        if (!m.find()) {
            return Optional.empty();
        }
        String digits = m.group(2);
        return Optional.of(new FoundTag(m.group(1).strip(), digits, TicketNumber.parse(digits)));
    }

    /**
     * {@code subject} with the tag for {@code n} in front, unless that tag (same label ignoring
     * case, same number) is already somewhere in it. Prefixing rather than appending keeps our tag
     * the first one, so {@link #find} reads it back even when the subject quotes another ticket.
     */
    public String addTo(String subject, String label, TicketNumber n) {
        String text = subject == null ? "" : subject.strip();
        if (containsTag(text, label, n)) {
            return text;
        }
        String tag = format(label, n);
        return text.isEmpty() ? tag : tag + " " + text;
    }

    private boolean containsTag(String subject, String label, TicketNumber n) {
        String wantedLabel = label == null ? "" : label.strip();
        Matcher m = TAG.matcher(subject);
        while (m.find()) {
            if (m.group(1).strip().equalsIgnoreCase(wantedLabel) && m.group(2).equals(n.toString())) {
                return true;
            }
        }
        return false;
    }

    /** {@code subject} for display: without tags and without leading Re:/Fwd:/AW:/Ответ: prefixes. */
    public String strip(String subject) {
        if (subject == null) {
            return "";
        }
        String text = SPACES.matcher(TAG.matcher(subject).replaceAll(" ")).replaceAll(" ").strip();
        String previous;
        do {
            previous = text;
            text = REPLY_PREFIX.matcher(text).replaceFirst("").strip();
        } while (!text.equals(previous));
        return text;
    }
}
