package org.postdesk.tickets.survey;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * How a mailbox asks for a rating: grades 1–5 ({@code 5}) or good/bad ({@code good-bad}). A grade is always
 * stored as a number: 1–5, or 1 (bad) and 2 (good); {@link #isGood} says which count as satisfied.
 */
public enum SurveyScale {
    FIVE("5"),
    GOOD_BAD("good-bad");

    private final String code;

    SurveyScale(String code) {
        this.code = code;
    }

    /** As stored in {@code mailbox.survey_scale} and {@code survey.scale}, and given to {@code --survey-scale}. */
    public String code() {
        return code;
    }

    /** The scale {@code code} names; empty for anything else. */
    public static Optional<SurveyScale> of(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (SurveyScale s : values()) {
            if (s.code.equals(c)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The grades the mail offers, best first. */
    public List<Integer> grades() {
        int top = this == FIVE ? 5 : 2;
        return IntStream.rangeClosed(1, top).map(i -> top + 1 - i).boxed().toList();
    }

    public boolean valid(int grade) {
        return grade >= 1 && grade <= (this == FIVE ? 5 : 2);
    }

    /** Satisfied: 4 or 5 of five, or good. */
    public boolean isGood(int grade) {
        return this == FIVE ? grade >= 4 : grade == 2;
    }

    /** The grade a plain "good" or "bad" means on this scale: 5 or 1 of five. */
    int fromWord(boolean good) {
        return good ? grades().get(0) : 1;
    }
}
