package org.postdesk.outbound;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.sla.BusinessCalendar;
import org.postdesk.sla.DayOverride;
import org.postdesk.sla.ScopedPolicy;
import org.postdesk.sla.SlaTarget;
import org.postdesk.store.CalendarRepository;
import org.postdesk.store.SlaPolicyRepository;

/**
 * Whether a new ticket is acknowledged with the after-hours variant: its mailbox has a calendar and is
 * closed at the moment the ticket is opened. The model says when the team is back, the first
 * response's due time under the mailbox's policy for a new ticket (priority {@code NORMAL}, no
 * category), and the holiday's name on a holiday. Uses the same calendar as the SLA clocks.
 */
final class AfterHoursAck {
    static final String TEMPLATE = "ack-after-hours";
    private static final String NEW_TICKET_PRIORITY = "NORMAL";

    private AfterHoursAck() {
    }

    static Optional<AfterHoursAckModel> model(DSLContext tx, AckRequest req, AckModel ack) {
        Optional<BusinessCalendar> calendar = new CalendarRepository(tx).calendar(req.mailboxId());
        Instant now = req.now();
        if (calendar.isEmpty() || calendar.get().isOpen(now)) {
            return Optional.empty();
        }
        BusinessCalendar cal = calendar.get();
        String back = BusinessTimeText.when(cal.nextOpening(now), cal.zone(), req.locale());
        String due = ScopedPolicy.select(new SlaPolicyRepository(tx).forMailbox(req.mailboxId()), NEW_TICKET_PRIORITY, null)
                .flatMap(p -> p.target(SlaTarget.FIRST_RESPONSE))
                .map(budget -> BusinessTimeText.when(cal.plusBusinessTime(now, budget), cal.zone(), req.locale()))
                .orElse("");
        String holiday = cal.closedDayAt(now).filter(d -> d.kind() == DayOverride.Kind.HOLIDAY).map(DayOverride::name)
                .orElse("");
        return Optional.of(new AfterHoursAckModel(ack.number(), ack.tag(), ack.subject(), ack.customerName(),
                ack.customerAddress(), ack.supportAddress(), ack.teamName(), back, due, holiday));
    }
}
