package org.postdesk.app;

import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.postdesk.mail.InboundMessage;
import org.postdesk.mail.ReturnedMessage;
import org.postdesk.tickets.AutomationVerdict;
import org.postdesk.tickets.LoopGuard;
import org.postdesk.tickets.RobotSenders;
import org.postdesk.tickets.TicketLookup;

/**
 * What one inbound message is — a duplicate, an agent's reply, a bounce, an auto-reply or a customer's mail —
 * decided here, once, first match wins, before threading (docs/ARCHITECTURE.md, "The flow of one message").
 * What needs no store (automated? a delivery report about our mail?) is read before the transaction, because
 * proving an agent's sender depends on it and may take a DNS query, which must not run inside one; what needs
 * the store (stored already? an agent's reply?) is the transaction's first step.
 */
final class MessageClassifier {
    private final String loopMarker;
    private final RobotSenders robotSenders;
    private final AgentReplyHandler agents;

    MessageClassifier(String loopMarker, RobotSenders robotSenders, AgentReplyHandler agents) {
        this.loopMarker = loopMarker;
        this.robotSenders = robotSenders;
        this.agents = agents;
    }

    /** What one message is. */
    enum Kind { DUPLICATE, AGENT, BOUNCE, AUTOMATED, CUSTOMER }

    /** The part read before the transaction: the loop guard's verdict and whether it is a bounce of our mail. */
    record Screening(AutomationVerdict verdict, boolean bounce) {
    }

    /** The decision; {@code agent} is set for {@link Kind#AGENT} only. */
    record Decision(Kind kind, AgentReplyHandler.Recognised agent) {
    }

    /** A message stored in reduced form is automated mail: it never gets an automatic reply. */
    Screening screen(InboundMessage m, Set<String> ownAddresses, boolean reduced) {
        AutomationVerdict verdict = reduced ? AutomationVerdict.automated("stored in reduced form")
                : new LoopGuard(ownAddresses, loopMarker, robotSenders).check(InboundFacts.signals(m));
        return new Screening(verdict, ReturnedMessage.messageId(m).isPresent());
    }

    /** In the message's transaction, before threading. */
    Decision classify(DSLContext tx, IngestService.Inbound in, TicketLookup lookup, Screening screening) {
        if (lookup.isDuplicate(in.facts())) {
            return new Decision(Kind.DUPLICATE, null);
        }
        Optional<AgentReplyHandler.Recognised> agent = agents.recognise(tx, in);
        if (agent.isPresent()) {
            return new Decision(Kind.AGENT, agent.get());
        }
        Kind kind = screening.bounce() ? Kind.BOUNCE : screening.verdict().automated() ? Kind.AUTOMATED : Kind.CUSTOMER;
        return new Decision(kind, null);
    }
}
