package org.postdesk.tickets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which ticket an inbound message belongs to, applying the threading rules of
 * DESIGN.md in order: duplicate, reply headers, subject tag, new ticket.
 *
 * <p>Stateless apart from its policy and clock, so one instance may serve every mailbox.
 */
public final class Threading {

    private final ThreadingPolicy policy;
    private final Clock clock;
    private final SubjectTag tags = new SubjectTag();

    public Threading(ThreadingPolicy policy, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The decision for {@code facts}, reading existing tickets through {@code lookup}. */
    public ThreadingDecision decide(MessageFacts facts, TicketLookup lookup) {
        if (lookup.isDuplicate(facts)) {
            return new ThreadingDecision.Duplicate();
        }
        return thread(facts, lookup);
    }

    /**
     * Rules 2 to 4, for a message already known not to be a duplicate (ingest classifies it before threading):
     * never {@link ThreadingDecision.Duplicate}.
     */
    public ThreadingDecision thread(MessageFacts facts, TicketLookup lookup) {
        Optional<TicketRef> replied = byReplyHeaders(facts, lookup);
        if (replied.isPresent()) {
            return continueIn(replied.get());
        }
        Optional<TicketRef> tagged = bySubjectTag(facts, lookup);
        if (tagged.isPresent()) {
            return continueTagged(tagged.get(), facts.fromAddress());
        }
        return new ThreadingDecision.NewTicket();
    }

    // Rule 2: In-Reply-To first, then References from the newest (last) to the oldest.
    private Optional<TicketRef> byReplyHeaders(MessageFacts facts, TicketLookup lookup) {
        if (facts.inReplyTo() != null) {
            Optional<TicketRef> ticket = lookup.byMessageId(facts.inReplyTo());
            if (ticket.isPresent()) {
                return ticket;
            }
        }
        List<String> references = facts.references();
        for (int i = references.size() - 1; i >= 0; i--) {
            Optional<TicketRef> ticket = lookup.byMessageId(references.get(i));
            if (ticket.isPresent()) {
                return ticket;
            }
        }
        return Optional.empty();
    }

    // Rule 3: only a tag with a valid check digit counts; a mistyped number is ignored.
    private Optional<TicketRef> bySubjectTag(MessageFacts facts, TicketLookup lookup) {
        return tags.find(facts.subject())
                .flatMap(FoundTag::number)
                .flatMap(lookup::byNumber);
    }

    // A tag is easy to copy, so it only joins a ticket its sender already takes part in.
    private ThreadingDecision continueTagged(TicketRef ticket, String fromAddress) {
        if (!ticket.hasParticipant(fromAddress)) {
            return new ThreadingDecision.NewLinkedTicket(ticket, LinkReason.NOT_A_PARTICIPANT);
        }
        return continueIn(ticket);
    }

    private ThreadingDecision continueIn(TicketRef ticket) {
        if (!ticket.status().isClosed()) {
            return new ThreadingDecision.AppendTo(ticket, false);
        }
        if (closedWithinWindow(ticket.closedAt())) {
            return new ThreadingDecision.AppendTo(ticket, true);
        }
        return new ThreadingDecision.NewLinkedTicket(ticket, LinkReason.CLOSED_TOO_LONG);
    }

    // An unknown closing time cannot be shown to be recent, so it does not reopen an old ticket.
    // A closing time slightly in the future (clocks of two daemons differ) counts as recent.
    private boolean closedWithinWindow(Instant closedAt) {
        if (closedAt == null) {
            return false;
        }
        Duration sinceClosed = Duration.between(closedAt, clock.instant());
        return sinceClosed.compareTo(policy.reopenWindow()) <= 0;
    }
}
