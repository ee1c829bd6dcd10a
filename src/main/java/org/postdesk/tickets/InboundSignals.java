package org.postdesk.tickets;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the robot checks look at in one inbound message.
 *
 * @param headers     raw header values by lower-case name (may be null or empty)
 * @param fromAddress the From address; null or empty for none
 * @param subject     the decoded subject; never null ("" when absent)
 * @param partTypes   the media types of the message's non-body parts, e.g. {@code message/feedback-report}
 * @param text        the start of the readable body, for bounces that only say what they are in words
 */
public record InboundSignals(Map<String, List<String>> headers, String fromAddress, String subject,
                             List<String> partTypes, String text) {

    private static final int TEXT_LOOKED_AT = 4000;

    public InboundSignals {
        headers = headers == null ? Map.of() : headers;
        subject = Objects.requireNonNullElse(subject, "");
        partTypes = List.copyOf(partTypes);
        text = text == null ? "" : text.length() > TEXT_LOOKED_AT ? text.substring(0, TEXT_LOOKED_AT) : text;
    }
}
