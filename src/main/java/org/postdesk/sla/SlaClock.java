package org.postdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.postdesk.tickets.TicketStatus;

/**
 * The SLA clocks of one ticket, replayed from its history under its current policy and calendar,
 * so a change of priority, category, policy or calendar simply replays to new due times.
 *
 * <ul>
 *   <li>Opening starts first response and resolution.</li>
 *   <li>The first agent answer relayed meets first response; any later one meets the running next
 *       response. An answer sets the ticket {@code PENDING}, as {@link TicketStatus#onAgentReply} does.</li>
 *   <li>{@code PENDING} (waiting for the customer) pauses every running clock; the customer's next
 *       message, or an agent setting the ticket open, resumes them.</li>
 *   <li>A customer follow-up after the first response starts next response (one per follow-up;
 *       a second message before the answer keeps the first one's clock).</li>
 *   <li>Closing meets resolution and pauses the others; reopening resumes them, resolution with the
 *       time it had used. Spam and being merged into another ticket stop every clock for good.</li>
 * </ul>
 */
public final class SlaClock {
    private final Map<SlaTarget, SlaTimer> timers;
    private final SlaPolicy policy;
    private final BusinessCalendar calendar;
    private final boolean stopped;

    private SlaClock(Map<SlaTarget, SlaTimer> timers, SlaPolicy policy, BusinessCalendar calendar, boolean stopped) {
        this.timers = timers;
        this.policy = policy;
        this.calendar = calendar;
        this.stopped = stopped;
    }

    /** Replays {@code events} (sorted here by time, stable for equal times). */
    public static SlaClock replay(List<SlaEvent> events, SlaPolicy policy, BusinessCalendar calendar) {
        Replay r = new Replay(policy, calendar);
        events.stream().sorted(Comparator.comparing(SlaEvent::at)).forEach(r::apply);
        return new SlaClock(r.timers, policy, calendar, r.stopped);
    }

    /** Every promised target's standing at {@code now}, in target order; empty when stopped for good. */
    public List<Deadline> deadlines(Instant now) {
        List<Deadline> out = new ArrayList<>();
        if (stopped) {
            return out;
        }
        timers.forEach((target, timer) -> policy.target(target).ifPresent(budget -> out.add(deadline(timer, budget, now))));
        return out;
    }

    private Deadline deadline(SlaTimer t, Duration budget, Instant now) {
        Duration used = t.met() ? t.used() : t.usedAt(now, calendar);
        Instant due = t.reaches(budget, calendar);
        Instant warn = t.reaches(policy.warnAfter(budget), calendar);
        boolean over = used.compareTo(budget) >= 0;
        SlaState state = t.met() ? SlaState.MET : over ? SlaState.BREACHED : !t.running() ? SlaState.PAUSED
                : used.compareTo(policy.warnAfter(budget)) >= 0 ? SlaState.WARNING : SlaState.OK;
        boolean late = t.met() && used.compareTo(budget) > 0;
        return new Deadline(t.target(), t.cycle(), budget, state, due, warn, budget.minus(used), t.metAt(), late);
    }

    /** The open deadline due first (the one a list sorts by), if any runs. */
    public Optional<Deadline> nextDue(Instant now) {
        return deadlines(now).stream().filter(d -> d.open() && d.dueAt() != null)
                .min(Comparator.comparing(Deadline::dueAt));
    }

    public Optional<SlaTimer> timer(SlaTarget target) {
        return Optional.ofNullable(timers.get(target));
    }

    /** The fold itself; mutable only while replaying. */
    private static final class Replay {
        private final Map<SlaTarget, SlaTimer> timers = new EnumMap<>(SlaTarget.class);
        private final SlaPolicy policy;
        private final BusinessCalendar cal;
        private TicketStatus status = TicketStatus.NEW;
        private int followUps;
        private boolean stopped;

        Replay(SlaPolicy policy, BusinessCalendar cal) {
            this.policy = policy;
            this.cal = cal;
        }

        void apply(SlaEvent e) {
            if (stopped) {
                return;
            }
            if (e instanceof SlaEvent.Opened o) {
                timers.put(SlaTarget.FIRST_RESPONSE, SlaTimer.start(SlaTarget.FIRST_RESPONSE, 1, o.at()));
                timers.put(SlaTarget.RESOLUTION, SlaTimer.start(SlaTarget.RESOLUTION, 1, o.at()));
                status = TicketStatus.NEW;
            } else if (e instanceof SlaEvent.CustomerWrote c) {
                customerWrote(c.at());
            } else if (e instanceof SlaEvent.AgentReplied a) {
                agentReplied(a.at());
            } else if (e instanceof SlaEvent.StatusSet s) {
                statusSet(s.at(), s.to());
            } else if (e instanceof SlaEvent.MergedAway) {
                stopped = true;
            }
        }

        private void customerWrote(Instant at) {
            SlaTimer first = timers.get(SlaTarget.FIRST_RESPONSE);
            SlaTimer next = timers.get(SlaTarget.NEXT_RESPONSE);
            if (first != null && first.met() && (next == null || next.met())) {
                followUps++;
                timers.put(SlaTarget.NEXT_RESPONSE, SlaTimer.start(SlaTarget.NEXT_RESPONSE, followUps, at));
            }
            TicketStatus before = status;
            status = status.isClosed() ? TicketStatus.OPEN : status.onCustomerMessage();
            if (before.isClosed()) {
                update(SlaTarget.RESOLUTION, t -> t.reopen(at));
            }
            resumeAll(at);
        }

        private void agentReplied(Instant at) {
            update(SlaTarget.FIRST_RESPONSE, t -> t.meet(at, cal, budget(SlaTarget.FIRST_RESPONSE)));
            update(SlaTarget.NEXT_RESPONSE, t -> t.running() ? t.meet(at, cal, budget(SlaTarget.NEXT_RESPONSE)) : t);
            statusSet(at, status.onAgentReply());
        }

        private void statusSet(Instant at, TicketStatus to) {
            TicketStatus before = status;
            status = to;
            if (to == TicketStatus.SPAM) {
                stopped = true;
            } else if (to == TicketStatus.CLOSED) {
                update(SlaTarget.RESOLUTION, t -> t.meet(at, cal, budget(SlaTarget.RESOLUTION)));
                pauseAll(at);
            } else if (to == TicketStatus.PENDING) {
                pauseAll(at);
            } else {
                if (before.isClosed()) {
                    update(SlaTarget.RESOLUTION, t -> t.reopen(at));
                }
                resumeAll(at);
            }
        }

        private void pauseAll(Instant at) {
            timers.replaceAll((target, t) -> t.pause(at, cal, budget(target)));
        }

        private void resumeAll(Instant at) {
            timers.replaceAll((target, t) -> t.resume(at));
        }

        private void update(SlaTarget target, UnaryOperator<SlaTimer> f) {
            timers.computeIfPresent(target, (k, t) -> f.apply(t));
        }

        private Duration budget(SlaTarget target) {
            return policy.target(target).orElse(null);
        }
    }
}
