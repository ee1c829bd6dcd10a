package org.postdesk.tickets;

/**
 * The cap on autoreplies per sender per hour, the last line of defence against a loop with a
 * responder that carries none of the headers {@link LoopGuard} knows.
 */
public final class AutoreplyBudget {

    private final int perSenderPerHour;

    /** @param perSenderPerHour how many autoreplies one sender may get in an hour; 0 disables them */
    public AutoreplyBudget(int perSenderPerHour) {
        if (perSenderPerHour < 0) {
            throw new IllegalArgumentException(
                    "perSenderPerHour " + perSenderPerHour + " must not be negative");
        }
        this.perSenderPerHour = perSenderPerHour;
    }

    /** Whether one more autoreply may go to a sender who got {@code sentToSenderInLastHour} already. */
    public boolean allows(int sentToSenderInLastHour) {
        if (sentToSenderInLastHour < 0) {
            throw new IllegalArgumentException(
                    "sentToSenderInLastHour " + sentToSenderInLastHour + " must not be negative");
        }
        return sentToSenderInLastHour < perSenderPerHour;
    }
}
