package org.postdesk.cli;

import java.io.PrintWriter;
import java.time.Duration;
import org.postdesk.outbound.BusinessTimeText;

/**
 * The text form of {@code ticket show}: headers, then each message, then the history. In a customer's
 * mail every line of quoted history starts with {@value QuoteMarks#QUOTED}.
 */
final class TicketPrinter {
    private final PrintWriter out;

    TicketPrinter(PrintWriter out) {
        this.out = out;
    }

    void print(TicketView t) {
        out.printf("Ticket %s  [%s]  %s%n", t.number(), t.status(), t.subject());
        field("Requester", t.requesterName() == null ? t.requester() : t.requesterName() + " <" + t.requester() + ">");
        field("Mailbox", t.mailbox());
        field("Priority", t.priority());
        field("Category", t.category());
        field("Owner", t.owner() == null ? null : t.owner() + " since "
                + MailboxListCommand.time(t.ownerSince()));
        field("Linked to", t.linkedTo());
        field("Participants", String.join(", ", t.participants()));
        field("Created", MailboxListCommand.time(t.createdAt()));
        field("Updated", MailboxListCommand.time(t.updatedAt()));
        field("Closed", t.closedAt() == null ? null : MailboxListCommand.time(t.closedAt()));
        field("Escalated", t.escalatedAt() == null ? null : MailboxListCommand.time(t.escalatedAt()));
        t.sla().forEach(this::sla);
        for (TicketView.MessageView m : t.messages()) {
            message(m);
        }
        out.println();
        out.println("History:");
        for (TicketView.EventView e : t.events()) {
            out.printf("  %s  %-16s %-24s %s%n", MailboxListCommand.time(e.at()), e.type(), e.actor(),
                    e.detail() == null ? "" : e.detail());
        }
    }

    /** {@code SLA first-response  breached  due 2026-03-02 11:00Z  (-1 h 5 min)}. */
    private void sla(TicketView.SlaView s) {
        String when = s.metAt() != null ? "met " + MailboxListCommand.time(s.metAt()) + (s.late() ? " (late)" : "")
                : s.dueAt() == null ? left(s) + " of business time left"
                : "due " + MailboxListCommand.time(s.dueAt()) + "  (" + left(s) + " left)";
        field("SLA " + s.target(), s.state() + "  " + when);
    }

    private static String left(TicketView.SlaView s) {
        return BusinessTimeText.duration(Duration.ofMinutes(s.leftMinutes()));
    }

    private void message(TicketView.MessageView m) {
        out.println();
        out.printf("--- %s %s  %s%n", "IN".equals(m.direction()) ? "<<" : "OUT".equals(m.direction()) ? ">>" : "##",
                m.kind(), MailboxListCommand.time(m.time()));
        field("From", m.from());
        field("To", m.to());
        field("Cc", m.cc() == null || m.cc().isBlank() ? null : m.cc());
        field("Subject", m.subject());
        field("Note", m.parseNote());
        m.attachments().forEach(a -> field("Attachment", a.filename() + " (" + a.contentType() + ", " + a.size()
                + " bytes" + (a.dropped() == null ? "" : ", not stored: " + a.dropped()) + ")"));
        out.println();
        if (m.text() == null) {
            out.println();
        } else if ("IN".equals(m.direction())) {
            QuoteMarks.marked(m.text()).forEach(out::println); // the quoted history marked, the new text plain
        } else {
            out.println(m.text().stripTrailing());
        }
    }

    private void field(String name, String value) {
        if (value != null && !value.isBlank()) {
            out.printf("%-13s %s%n", name + ":", value);
        }
    }
}
