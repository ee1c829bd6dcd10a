package org.postdesk.tickets.survey;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plain answer to the survey mail ("5", "5/5, very quick", "good, thanks", "плохо") as a rating. The grade
 * must open the answer and stand alone — followed by the end, punctuation or "of 5" — so that a customer who writes
 * back "5 minutes ago it broke again" or "Good morning, it is still broken" is not taken for a rating: such mail
 * stays an ordinary follow-up, which reopens the ticket.
 */
public final class RatingParser {
    // A digit alone ("5", "5, thanks", "5\nthanks"), or one that says it is a grade ("5/5", "4 of 5", "3 stars").
    private static final Pattern DIGIT = Pattern.compile("^([1-9])(?:\\s*(?:/\\s*5|of\\s+5|из\\s+5|з\\s+5|stars?"
            + "|зв[её]зд\\p{L}*|зір\\p{L}*)(?![\\p{L}\\d])|(?=[ \\t]*$|\\s*[,.!:;)(–—-]))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE);
    private static final Pattern WORD = Pattern.compile("^(\\p{L}+)(?=[ \\t]*$|\\s*[,.!:;)(–—-])",
            Pattern.UNICODE_CASE | Pattern.MULTILINE);
    private static final Set<String> GOOD = Set.of("good", "great", "excellent", "perfect", "хорошо", "отлично",
            "прекрасно", "добре", "чудово", "відмінно");
    private static final Set<String> BAD = Set.of("bad", "poor", "terrible", "awful", "плохо", "ужасно", "погано",
            "жахливо");

    private RatingParser() {
    }

    /** The rating {@code text} (what the customer wrote, quote removed) gives on {@code scale}; empty when none. */
    public static Optional<Rating> parse(String text, SurveyScale scale) {
        String t = text == null ? "" : text.strip();
        Matcher digit = DIGIT.matcher(t);
        if (scale == SurveyScale.FIVE && digit.lookingAt()) {
            int grade = Integer.parseInt(digit.group(1));
            return scale.valid(grade) ? Optional.of(new Rating(grade, rest(t, digit.end()))) : Optional.empty();
        }
        Matcher word = WORD.matcher(t);
        if (!word.lookingAt()) {
            return Optional.empty();
        }
        String w = word.group(1).toLowerCase(Locale.ROOT);
        if (GOOD.contains(w) || BAD.contains(w)) {
            return Optional.of(new Rating(scale.fromWord(GOOD.contains(w)), rest(t, word.end())));
        }
        return Optional.empty();
    }

    /** What follows the grade: the comment, without the punctuation that parted it from the grade. */
    private static String rest(String text, int from) {
        return text.substring(from).replaceFirst("^[\\s,.!:;)(–—-]+", "").strip();
    }
}
