package org.postdesk.outbound;

/**
 * What the after-hours acknowledgement ({@code ack-after-hours}) gets, as {@code ${t.<component>}}: the
 * fields of {@link AckModel}, plus when the team is back ({@code backAt}, e.g. "Monday 2 March at 09:00
 * (Europe/Kyiv)"), the first response's due time ({@code firstResponseDue}, empty when the mailbox
 * promises none) and the holiday it is ({@code holiday}, empty on an ordinary closed night or weekend).
 */
public record AfterHoursAckModel(String number, String tag, String subject, String customerName,
                                 String customerAddress, String supportAddress, String teamName, String backAt,
                                 String firstResponseDue, String holiday) {
}
