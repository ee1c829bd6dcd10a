package org.postdesk.app;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.app.Actor;
import org.postdesk.app.TicketCommands;
import org.postdesk.app.TicketRules;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.OwnershipRepository;
import org.postdesk.store.TicketDetailsRepository;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.store.TierRepository;
import org.postdesk.tickets.TicketNumber;
import org.postdesk.tickets.TicketStatus;
import org.postdesk.tickets.agent.AgentCommand;
import org.postdesk.tickets.agent.CommandVerb;
import org.postdesk.tickets.agent.Owner;

/**
 * The commands that change a ticket once the reply is dealt with, one constant per verb. Each
 * records its audit event; the caller has checked that the agent may act on the ticket.
 */
enum TicketAction {
    RELEASE {
        @Override
        void apply(Context c, AgentCommand cmd) {
            c.ownership().owner(c.ticketId()).ifPresent(o -> {
                if (c.rules().release(c.ticketId(), o, "released")) {
                    c.handover().released(c.tx(), c.ticketId(), Handover.describe(c.agent()), c.agent().id(), c.now());
                }
            });
        }
    },
    ASSIGN {
        @Override
        void apply(Context c, AgentCommand cmd) {
            Agent to = AgentLookup.resolve(new AgentRepository(c.tx()), cmd.args().get(0)).orElseThrow();
            Optional<Owner> before = c.ownership().owner(c.ticketId());
            c.ownership().assign(c.ticketId(), to.id(), c.now());
            c.event("assign", "to " + to.primaryAddress());
            c.handover().assigned(c.tx(), c.ticketId(), to, before, Handover.describe(c.agent()), c.agent().id(),
                    c.now());
        }
    },
    PENDING {
        @Override
        void apply(Context c, AgentCommand cmd) {
            c.rules().status(c.ticketId(), TicketStatus.PENDING);
        }
    },
    CLOSE {
        @Override
        void apply(Context c, AgentCommand cmd) {
            c.rules().close(c.ticketId());
        }
    },
    REOPEN {
        @Override
        void apply(Context c, AgentCommand cmd) {
            c.rules().status(c.ticketId(), TicketStatus.OPEN);
        }
    },
    SPAM {
        @Override
        void apply(Context c, AgentCommand cmd) {
            c.rules().markSpam(c.ticketId());
        }
    },
    PRIORITY {
        @Override
        void apply(Context c, AgentCommand cmd) {
            String to = cmd.args().get(0).toUpperCase(Locale.ROOT);
            new TicketDetailsRepository(c.tx()).setPriority(c.ticketId(), to, c.now());
            c.event("priority", c.ticket().priority() + " -> " + to);
        }
    },
    CATEGORY {
        @Override
        void apply(Context c, AgentCommand cmd) {
            new TicketDetailsRepository(c.tx()).setCategory(c.ticketId(), cmd.args().get(0), c.now());
            c.event("category", String.valueOf(c.ticket().category()) + " -> " + cmd.args().get(0));
        }
    },
    /** {@code #escalate [reason]}: marked escalated; the second line and the team lead are told (issue 11). */
    ESCALATE {
        @Override
        void apply(Context c, AgentCommand cmd) {
            Escalation.byAgent(c, cmd.args().isEmpty() ? "" : cmd.args().get(0));
        }
    },
    /** {@code #deescalate}: the escalated mark is cleared. */
    DEESCALATE {
        @Override
        void apply(Context c, AgentCommand cmd) {
            if (new TierRepository(c.tx()).deescalate(c.ticketId(), c.now())) {
                c.event("deescalation", "back to the first line");
            }
        }
    },
    /**
     * {@code #link NUMBER}: the same use case as {@code postdesk ticket link}. The number's check digit was
     * verified when parsing; a ticket that does not exist (or this one) is recorded in the audit, not run.
     */
    LINK {
        @Override
        void apply(Context c, AgentCommand cmd) {
            TicketNumber other = TicketNumber.parse(cmd.args().get(0)).orElseThrow();
            Optional<TicketRow> target = new TicketRepository(c.tx()).byNumber(other);
            if (target.isEmpty() || target.get().id() == c.ticketId()) {
                c.event("command-error", "#link " + other + ": " + (target.isEmpty() ? "no such ticket"
                        : "a ticket cannot be linked to itself"));
                return;
            }
            TicketCommands.link(c.tx(), c.ticket().number(), other, Actor.agent(c.agent()), c.now());
        }
    },
    CC {
        @Override
        void apply(Context c, AgentCommand cmd) {
            String address = cmd.args().get(1).toLowerCase(Locale.ROOT);
            if (cmd.args().get(0).equals("add")) {
                new TicketRepository(c.tx()).addParticipant(c.ticketId(), address, "CC");
                c.event("cc", "added " + address);
            } else if (new TicketDetailsRepository(c.tx()).removeCc(c.ticketId(), address)) {
                c.event("cc", "removed " + address);
            }
        }
    };

    private static final Map<CommandVerb, TicketAction> BY_VERB = Map.ofEntries(
            Map.entry(CommandVerb.RELEASE, RELEASE),
            Map.entry(CommandVerb.ASSIGN, ASSIGN),
            Map.entry(CommandVerb.PENDING, PENDING),
            Map.entry(CommandVerb.CLOSE, CLOSE),
            Map.entry(CommandVerb.REOPEN, REOPEN),
            Map.entry(CommandVerb.SPAM, SPAM),
            Map.entry(CommandVerb.PRIORITY, PRIORITY),
            Map.entry(CommandVerb.CATEGORY, CATEGORY),
            Map.entry(CommandVerb.CC, CC),
            Map.entry(CommandVerb.ESCALATE, ESCALATE),
            Map.entry(CommandVerb.DEESCALATE, DEESCALATE),
            Map.entry(CommandVerb.LINK, LINK));

    /** The action for {@code verb}; empty for verbs handled with the reply itself (take, steal, note, send). */
    static Optional<TicketAction> of(CommandVerb verb) {
        return Optional.ofNullable(BY_VERB.get(verb));
    }

    abstract void apply(Context c, AgentCommand cmd);

    /** What an action works on; {@link #ticket()} is read fresh, since earlier actions change it. */
    record Context(DSLContext tx, long ticketId, Agent agent, Instant now, Handover handover) {
        OwnershipRepository ownership() {
            return new OwnershipRepository(tx);
        }

        TicketRow ticket() {
            return new TicketRepository(tx).byId(ticketId).orElseThrow();
        }

        /** The ticket rules agents and admins share (docs/ARCHITECTURE.md), as this agent. */
        TicketRules rules() {
            return new TicketRules(tx, Actor.agent(agent), now);
        }

        void event(String type, String detail) {
            rules().event(ticketId, type, detail);
        }
    }
}
