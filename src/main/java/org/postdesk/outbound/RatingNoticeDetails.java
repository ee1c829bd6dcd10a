package org.postdesk.outbound;

/**
 * The per-template part of {@link AgentNoticeModel} for {@code bad-rating.ftl}: the customer rated the closed
 * ticket badly. {@code rating} as shown ("2 of 5", "bad"), {@code comment} what they wrote ("" for nothing),
 * {@code customer} their address.
 */
public record RatingNoticeDetails(String rating, String comment, String customer) {
}
