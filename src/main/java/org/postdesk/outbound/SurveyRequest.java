package org.postdesk.outbound;

import java.time.Instant;
import org.postdesk.mail.MailAddress;
import org.postdesk.tickets.survey.SurveyScale;

/**
 * Everything the survey mail of one closed ticket needs; {@code inReplyTo} is the customer's last message
 * (null when unknown), so the survey shows in the conversation it asks about.
 */
public record SurveyRequest(long mailboxId, long ticketId, long surveyId, MailAddress support, String teamName,
                            MailAddress customer, String locale, String number, String tag, String subject,
                            SurveyScale scale, String inReplyTo, Instant now) {
}
