package org.postdesk.tickets.survey;

/** A customer's answer to the survey: a grade valid on its scale, and what else they wrote ("" for nothing). */
public record Rating(int grade, String comment) {
    public Rating {
        if (grade < 1) {
            throw new IllegalArgumentException("a grade is 1 or more, was " + grade);
        }
        comment = comment == null ? "" : comment.strip();
    }
}
