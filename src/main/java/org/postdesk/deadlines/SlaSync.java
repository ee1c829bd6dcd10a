package org.postdesk.deadlines;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.sla.BusinessCalendar;
import org.postdesk.sla.Deadline;
import org.postdesk.sla.ScopedPolicy;
import org.postdesk.sla.SlaClock;
import org.postdesk.sla.SlaPolicy;
import org.postdesk.sla.SlaState;
import org.postdesk.store.CalendarRepository;
import org.postdesk.store.SlaHistory;
import org.postdesk.store.SlaMarks;
import org.postdesk.store.SlaPolicyRepository;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.store.TicketSla;
import org.postdesk.store.TicketSlaRepository;
import org.postdesk.store.TicketSlaRepository.NoticeKind;

/**
 * Replays one ticket's SLA clocks from its stored history under its mailbox's calendar and its current
 * policy (by priority and category), and stores the result with the next moment the sweeper must look.
 * Replaying from history is what makes a change of priority, category, calendar or policy simply
 * recompute the due times.
 */
public final class SlaSync {

    private SlaSync() {
    }

    /** The ticket's deadlines at {@code now}, computed from the store; empty for no ticket or no policy. */
    public static List<Deadline> deadlines(DSLContext tx, long ticketId, Instant now) {
        return clock(tx, ticketId).map(c -> c.deadlines(now)).orElse(List.of());
    }

    /** The ticket's clock and calendar, if it exists. */
    static Optional<Replayed> replay(DSLContext tx, long ticketId) {
        // The mark first, then the ticket, then what the clock reads: whatever commits in between is newer
        // than the mark and the ticket's updated_at the replay records, so it is replayed again, never lost.
        Optional<SlaMarks.Mark> mark = new SlaMarks(tx).byTicket(ticketId);
        Optional<TicketRow> ticket = new TicketRepository(tx).byId(ticketId);
        if (ticket.isEmpty()) {
            return Optional.empty();
        }
        TicketRow t = ticket.get();
        BusinessCalendar cal = new CalendarRepository(tx).calendarOrAlways(t.mailboxId());
        SlaPolicy policy = ScopedPolicy.select(new SlaPolicyRepository(tx).forMailbox(t.mailboxId()), t.priority(),
                t.category()).orElse(SlaPolicy.none());
        return Optional.of(new Replayed(t, cal, policy, SlaClock.replay(new SlaHistory(tx).events(ticketId), policy, cal),
                mark));
    }

    private static Optional<SlaClock> clock(DSLContext tx, long ticketId) {
        return replay(tx, ticketId).map(Replayed::clock);
    }

    /** Recomputes and stores the ticket's rows; returns them. */
    public static List<TicketSla> store(DSLContext tx, long ticketId, Instant now) {
        return replay(tx, ticketId).map(r -> store(tx, r, now)).orElse(List.of());
    }

    /** Stores the rows of a ticket replayed in {@code tx}; returns them. */
    static List<TicketSla> store(DSLContext tx, Replayed r, Instant now) {
        long ticketId = r.ticket().id();
        TicketSlaRepository repo = new TicketSlaRepository(tx);
        List<TicketSla> rows = new ArrayList<>();
        for (Deadline d : r.clock().deadlines(now)) {
            rows.add(new TicketSla(ticketId, d.target(), d.cycle(), d.state(), d.budget(), d.dueAt(), d.warnAt(), d.left(),
                    d.metAt(), nextCheck(repo, ticketId, d), now));
        }
        repo.replace(ticketId, rows);
        new SlaMarks(tx).replayed(ticketId, r.ticket().updatedAt(), r.mark());
        return rows;
    }

    /** The warning's time until it was sent, then the due time until the breach was handled; else none. */
    private static Instant nextCheck(TicketSlaRepository repo, long ticketId, Deadline d) {
        if (d.state() == SlaState.MET) {
            return null;
        }
        if (d.warnAt() != null && d.state() != SlaState.BREACHED
                && !repo.noticeSent(ticketId, d.target(), d.cycle(), NoticeKind.WARNING)) {
            return d.warnAt();
        }
        if (d.dueAt() != null && !repo.noticeSent(ticketId, d.target(), d.cycle(), NoticeKind.BREACH)) {
            return d.dueAt();
        }
        return null;
    }

    /** A replayed ticket, with its mark as the replay found it. */
    record Replayed(TicketRow ticket, BusinessCalendar calendar, SlaPolicy policy, SlaClock clock,
                    Optional<SlaMarks.Mark> mark) {
    }
}
