package org.postdesk.outbound;

import java.util.List;

/**
 * What the {@code survey} template gets, as {@code ${t.<component>}}: {@code scale} is {@code 5} or
 * {@code good-bad}; {@code choices} are the grades best first, each with the {@code mailto:} link that opens a
 * reply pre-filled with the ticket tag and the grade's signed token.
 */
public record SurveyModel(String number, String tag, String subject, String customerName, String teamName,
                          String supportAddress, String scale, List<Choice> choices) {
    public SurveyModel {
        choices = List.copyOf(choices);
    }

    /** One grade: {@code grade} 1–5 (or 2 good, 1 bad), {@code good} whether it counts as satisfied. */
    public record Choice(int grade, boolean good, String mailto) {
    }
}
