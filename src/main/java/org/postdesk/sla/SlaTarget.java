package org.postdesk.sla;

import java.util.Locale;

/** What an SLA promises, each one a clock of its own. */
public enum SlaTarget {
    /** The first agent answer relayed to the customer (not the acknowledgement, not a note). */
    FIRST_RESPONSE,
    /** An agent answer after each customer follow-up that came after the first response. */
    NEXT_RESPONSE,
    /** The ticket closed. */
    RESOLUTION;

    /** The name admins write and read: {@code first-response}, {@code next-response}, {@code resolution}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** By {@link #key()} or constant name; throws {@link IllegalArgumentException} listing the names. */
    public static SlaTarget parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (SlaTarget target : values()) {
            if (target.name().equals(t)) {
                return target;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an SLA target: use first-response, next-response"
                + " or resolution");
    }
}
