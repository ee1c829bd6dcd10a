package org.postdesk.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Turns a ticket's history into its {@link TicketFact}. Pure: no I/O, no clock. The definitions (also in the
 * README):
 * <ul>
 *   <li>first response: from creation to the first agent reply relayed to the customer, less the time the
 *       ticket was PENDING before it (an agent set {@code #pending} while waiting for the customer);</li>
 *   <li>resolution: from creation to the ticket's last close;</li>
 *   <li>first-contact resolution: closed, never reopened, exactly one agent reply, and no customer message
 *       after that reply;</li>
 *   <li>a reopen: a change from CLOSED or SPAM to any open status.</li>
 * </ul>
 */
public final class FactCalculator {
    private static final String PENDING = "PENDING";
    private final WorkingTime working;

    public FactCalculator(WorkingTime working) {
        this.working = working;
    }

    WorkingTime working() {
        return working;
    }

    public TicketFact compute(TicketHistory h) {
        List<TicketHistory.Mail> replies = h.mails().stream().filter(m -> !m.fromCustomer()).toList();
        Optional<TicketHistory.Mail> first = replies.stream().findFirst();
        Instant firstAt = first.map(TicketHistory.Mail::at).orElse(null);
        Long frt = null;
        Long frtBs = null;
        if (firstAt != null) {
            frt = Duration.between(h.createdAt(), firstAt).minus(pending(h, firstAt, false)).toSeconds();
            frtBs = working.between(h.createdAt(), firstAt).minus(pending(h, firstAt, true)).toSeconds();
        }
        boolean closed = "CLOSED".equals(h.status()) && h.closedAt() != null;
        Instant closedAt = closed ? h.closedAt() : null;
        int reopens = (int) h.changes().stream().filter(c -> isClosed(c.from()) && !isClosed(c.to())).count();
        int customer = (int) h.mails().stream().filter(TicketHistory.Mail::fromCustomer).count();
        boolean followUp = firstAt != null && h.mails().stream().anyMatch(m -> m.fromCustomer() && m.at().isAfter(firstAt));
        boolean fcr = closed && reopens == 0 && replies.size() == 1 && !followUp;
        ZonedDateTime local = h.createdAt().atZone(working.zone());
        return new TicketFact(h.ticketId(), h.mailboxId(), h.requester(), h.category(), h.priority(), h.status(),
                h.merged() || "SPAM".equals(h.status()), h.ownerAgentId(),
                first.map(TicketHistory.Mail::agentId).orElse(null), closer(h, replies), h.createdAt(),
                local.toLocalDate(), (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour(),
                working.isOpen(h.createdAt()), firstAt, frt, frtBs, closedAt,
                closed ? Duration.between(h.createdAt(), closedAt).toSeconds() : null,
                closed ? working.between(h.createdAt(), closedAt).toSeconds() : null,
                replies.size(), customer, reopens, fcr);
    }

    /** The time in PENDING between creation and {@code until}, in calendar or working time. */
    private Duration pending(TicketHistory h, Instant until, boolean business) {
        Duration total = Duration.ZERO;
        Instant since = null;
        for (TicketHistory.StatusChange c : h.changes()) {
            if (!c.at().isBefore(until)) {
                break;
            }
            if (PENDING.equals(c.to()) && since == null) {
                since = c.at();
            } else if (!PENDING.equals(c.to()) && since != null) {
                total = total.plus(span(since, c.at(), business));
                since = null;
            }
        }
        return since == null ? total : total.plus(span(since, until, business));
    }

    private Duration span(Instant from, Instant to, boolean business) {
        return business ? working.between(from, to) : Duration.between(from, to);
    }

    /** Who closed it: the agent of the last change to CLOSED, else the agent of the last reply. */
    private static Long closer(TicketHistory h, List<TicketHistory.Mail> replies) {
        for (int i = h.changes().size() - 1; i >= 0; i--) {
            TicketHistory.StatusChange c = h.changes().get(i);
            if ("CLOSED".equals(c.to()) && c.agentId() != null) {
                return c.agentId();
            }
        }
        return replies.isEmpty() ? null : replies.get(replies.size() - 1).agentId();
    }

    private static boolean isClosed(String status) {
        return "CLOSED".equals(status) || "SPAM".equals(status);
    }
}
