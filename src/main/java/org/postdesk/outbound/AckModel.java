package org.postdesk.outbound;

/** What the acknowledgement template gets, as {@code ${t.<component>}}. */
public record AckModel(String number, String tag, String subject, String customerName, String customerAddress,
                       String supportAddress, String teamName) {
}
