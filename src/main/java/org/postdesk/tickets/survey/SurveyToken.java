package org.postdesk.tickets.survey;

/**
 * What a signed survey token proves: it was written by us for survey {@code surveyId} of ticket {@code ticketId},
 * and, in a rating link, for {@code grade} (0 in the survey mail's own Message-ID, which names no grade).
 */
public record SurveyToken(long ticketId, long surveyId, int grade) {
    public SurveyToken {
        if (ticketId <= 0 || surveyId <= 0 || grade < 0) {
            throw new IllegalArgumentException("not a survey token: ticket " + ticketId + ", survey " + surveyId
                    + ", grade " + grade);
        }
    }
}
