package org.postdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One target's clock: the business time used in earlier runs, and since when it runs now.
 *
 * @param target which target
 * @param cycle 1 for first response and resolution; the follow-up's number for next response, so each
 *              follow-up has a clock (and a warning) of its own
 * @param used business time used before the current run
 * @param runningSince when the current run started; null while paused or done
 * @param metAt when the target was met; null until then
 * @param overdueAt when the used time reached the budget in an earlier run; null if it did not
 */
public record SlaTimer(SlaTarget target, int cycle, Duration used, Instant runningSince, Instant metAt,
                       Instant overdueAt) {
    public SlaTimer {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(used, "used");
    }

    static SlaTimer start(SlaTarget target, int cycle, Instant at) {
        return new SlaTimer(target, cycle, Duration.ZERO, at, null, null);
    }

    public boolean running() {
        return runningSince != null;
    }

    public boolean met() {
        return metAt != null;
    }

    /** The business time used by {@code now}. */
    public Duration usedAt(Instant now, BusinessCalendar cal) {
        return running() && now.isAfter(runningSince) ? used.plus(cal.businessTimeBetween(runningSince, now)) : used;
    }

    /** When the used time reaches {@code amount}: in the past, in the current run, or null while paused. */
    public Instant reaches(Duration amount, BusinessCalendar cal) {
        if (amount.compareTo(used) <= 0) {
            return overdueAt != null ? overdueAt : runningSince;
        }
        return running() ? cal.plusBusinessTime(runningSince, amount.minus(used)) : null;
    }

    SlaTimer pause(Instant at, BusinessCalendar cal, Duration budget) {
        if (!running()) {
            return this;
        }
        Instant overdue = overdueAt;
        if (overdue == null && budget != null) {
            Instant due = reaches(budget, cal);
            overdue = due != null && !due.isAfter(at) ? due : null;
        }
        return new SlaTimer(target, cycle, usedAt(at, cal), null, metAt, overdue);
    }

    SlaTimer resume(Instant at) {
        return running() || met() ? this : new SlaTimer(target, cycle, used, at, null, overdueAt);
    }

    SlaTimer meet(Instant at, BusinessCalendar cal, Duration budget) {
        if (met()) {
            return this;
        }
        SlaTimer paused = pause(at, cal, budget);
        return new SlaTimer(target, cycle, paused.used, null, at, paused.overdueAt);
    }

    /** A met target running again (a closed ticket reopened), keeping the time it used. */
    SlaTimer reopen(Instant at) {
        return new SlaTimer(target, cycle, used, at, null, overdueAt);
    }
}
