package org.postdesk.deadlines;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.postdesk.sla.BusinessCalendar;
import org.postdesk.sla.Deadline;
import org.postdesk.sla.ScopedPolicy;
import org.postdesk.sla.SlaClock;
import org.postdesk.sla.SlaEvent;
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
import org.postdesk.store.TicketSlaRepository.Notice;
import org.postdesk.store.TicketSlaRepository.NoticeKind;

/**
 * Replays tickets' SLA clocks from their stored history under their mailbox's calendar and current policy (by
 * priority and category), and stores the result with the next moment the sweeper must look. Replaying from history
 * is what makes a change of priority, category, calendar or policy simply recompute the due times.
 *
 * <p>Several tickets are replayed with a fixed number of statements (issue 16: during a backlog drain every stored
 * message makes its ticket behind, and the sweeper's per-ticket reads and commits were a seventh of the daemon's
 * CPU): their marks, rows, history and sent notices are each read with one query, a ticket whose policy promises
 * nothing reads no history at all, and the marks and the rows of tickets without deadlines are written together.
 */
public final class SlaSync {

    private SlaSync() {
    }

    /** The ticket's deadlines at {@code now}, computed from the store; empty for no ticket or no policy. */
    public static List<Deadline> deadlines(DSLContext tx, long ticketId, Instant now) {
        return replay(tx, ticketId).map(r -> r.clock().deadlines(now)).orElse(List.of());
    }

    /** The ticket's clock and calendar, if it exists. */
    static Optional<Replayed> replay(DSLContext tx, long ticketId) {
        return Optional.ofNullable(replayAll(tx, List.of(ticketId)).get(ticketId));
    }

    /** The clocks of those of {@code ticketIds} that exist, by id, in the order given. */
    static Map<Long, Replayed> replayAll(DSLContext tx, Collection<Long> ticketIds) {
        // The marks first, then the tickets, then what the clocks read: whatever commits in between is newer than
        // the mark and the ticket's updated_at the replay records, so it is replayed again, never lost.
        Map<Long, SlaMarks.Mark> marks = new SlaMarks(tx).byTickets(ticketIds);
        Map<Long, TicketRow> tickets = new TicketRepository(tx).byIds(ticketIds);
        Map<Long, SlaPolicy> policies = new LinkedHashMap<>();
        Map<Long, Instant> withTargets = new LinkedHashMap<>();
        for (TicketRow t : tickets.values()) {
            SlaPolicy policy = ScopedPolicy.select(new SlaPolicyRepository(tx).forMailbox(t.mailboxId()), t.priority(),
                    t.category()).orElse(SlaPolicy.none());
            policies.put(t.id(), policy);
            if (!policy.targets().isEmpty()) {
                withTargets.put(t.id(), t.createdAt());
            }
        }
        // A policy that promises nothing gives no deadline whatever happened: its history is not read.
        Map<Long, List<SlaEvent>> history = new SlaHistory(tx).eventsOf(withTargets);
        CalendarRepository calendars = new CalendarRepository(tx);
        Map<Long, Replayed> replayed = new LinkedHashMap<>();
        for (long id : ticketIds) {
            TicketRow t = tickets.get(id);
            if (t != null) {
                BusinessCalendar cal = calendars.calendarOrAlways(t.mailboxId());
                SlaPolicy policy = policies.get(id);
                replayed.put(id, new Replayed(t, cal, policy,
                        SlaClock.replay(history.getOrDefault(id, List.of()), policy, cal), Optional.ofNullable(marks.get(id))));
            }
        }
        return replayed;
    }

    /** Recomputes and stores the ticket's rows; returns them. */
    public static List<TicketSla> store(DSLContext tx, long ticketId, Instant now) {
        return replay(tx, ticketId).map(r -> store(tx, r, now)).orElse(List.of());
    }

    /** Stores the rows of a ticket replayed in {@code tx}; returns them. */
    static List<TicketSla> store(DSLContext tx, Replayed r, Instant now) {
        return storeReplayed(tx, List.of(r), now).get(r.ticket().id());
    }

    /** Recomputes and stores the rows of each of {@code ticketIds} (those that exist) in {@code tx}; returns how many. */
    static int storeAll(DSLContext tx, Collection<Long> ticketIds, Instant now) {
        return storeReplayed(tx, replayAll(tx, ticketIds).values(), now).size();
    }

    private static Map<Long, List<TicketSla>> storeReplayed(DSLContext tx, Collection<Replayed> replayed, Instant now) {
        TicketSlaRepository repo = new TicketSlaRepository(tx);
        Map<Long, List<Deadline>> deadlines = new LinkedHashMap<>();
        replayed.forEach(r -> deadlines.put(r.ticket().id(), r.clock().deadlines(now)));
        List<Long> withDeadlines = deadlines.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey).toList();
        Set<Notice> sent = repo.noticesOf(withDeadlines);
        Map<Long, List<TicketSla>> rows = new LinkedHashMap<>();
        deadlines.forEach((ticketId, ds) -> {
            List<TicketSla> list = new ArrayList<>();
            for (Deadline d : ds) {
                list.add(new TicketSla(ticketId, d.target(), d.cycle(), d.state(), d.budget(), d.dueAt(), d.warnAt(),
                        d.left(), d.metAt(), nextCheck(sent, ticketId, d), now));
            }
            rows.put(ticketId, List.copyOf(list));
        });
        repo.replaceAll(rows);
        new SlaMarks(tx).replayed(replayed.stream()
                .map(r -> new SlaMarks.Replay(r.ticket().id(), r.ticket().updatedAt(), r.mark())).toList());
        return rows;
    }

    /** The warning's time until it was sent, then the due time until the breach was handled; else none. */
    private static Instant nextCheck(Set<Notice> sent, long ticketId, Deadline d) {
        if (d.state() == SlaState.MET) {
            return null;
        }
        if (d.warnAt() != null && d.state() != SlaState.BREACHED
                && !sent.contains(new Notice(ticketId, d.target(), d.cycle(), NoticeKind.WARNING))) {
            return d.warnAt();
        }
        if (d.dueAt() != null && !sent.contains(new Notice(ticketId, d.target(), d.cycle(), NoticeKind.BREACH))) {
            return d.dueAt();
        }
        return null;
    }

    /** A replayed ticket, with its mark as the replay found it. */
    record Replayed(TicketRow ticket, BusinessCalendar calendar, SlaPolicy policy, SlaClock clock,
                    Optional<SlaMarks.Mark> mark) {
    }
}
