package org.postdesk.sla;

import java.util.Locale;

/** Where one target of a ticket stands. */
public enum SlaState {
    /** Running, and less than {@code warn-at} of its time is used. */
    OK,
    /** Running, {@code warn-at} of its time used: the owner is warned. */
    WARNING,
    /** Its time is used up and it was not met: the ticket escalates. */
    BREACHED,
    /** Done (also when done late: see {@link Deadline#late()}). */
    MET,
    /** Not running: the ticket waits for the customer, or is closed. */
    PAUSED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
