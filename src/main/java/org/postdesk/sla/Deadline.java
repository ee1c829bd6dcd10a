package org.postdesk.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * Where one target of a ticket stands at a moment.
 *
 * @param target which target
 * @param cycle see {@link SlaTimer#cycle()}
 * @param budget the business time the policy allows
 * @param state ok, warning, breached, met or paused
 * @param dueAt when the time is (or was) used up; null while paused before that
 * @param warnAt when the warning is (or was) due; null while paused before that
 * @param left business time left; negative when overdue
 * @param metAt when it was met; null if not
 * @param late met, but after its due time
 */
public record Deadline(SlaTarget target, int cycle, Duration budget, SlaState state, Instant dueAt, Instant warnAt,
                       Duration left, Instant metAt, boolean late) {

    /** Whether the target still needs the team (not met); paused ones included. */
    public boolean open() {
        return state != SlaState.MET;
    }
}
