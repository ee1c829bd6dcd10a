package org.postdesk.tickets;

import java.util.Objects;

/**
 * Whether a message was sent by a machine, and why.
 *
 * @param automated true when no autoreply may be sent to it
 * @param reason    short human text naming the evidence, e.g. {@code Auto-Submitted: auto-replied};
 *                  empty for a human message
 */
public record AutomationVerdict(boolean automated, String reason) {

    private static final AutomationVerdict HUMAN = new AutomationVerdict(false, "");

    public AutomationVerdict {
        Objects.requireNonNull(reason, "reason");
        if (automated && reason.isBlank()) {
            throw new IllegalArgumentException("an automated verdict needs a reason");
        }
    }

    /** The verdict for a message written by a person. */
    public static AutomationVerdict human() {
        return HUMAN;
    }

    /** The verdict for an automated message, with the evidence. */
    public static AutomationVerdict automated(String reason) {
        return new AutomationVerdict(true, reason);
    }
}
