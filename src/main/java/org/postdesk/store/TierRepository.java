package org.postdesk.store;

import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.AGENT;
import static org.postdesk.store.db.Tables.MAILBOX;
import static org.postdesk.store.db.Tables.TICKET;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/** Escalation's part of the store: agents' tiers, mailboxes' team leads, and tickets marked escalated. */
public final class TierRepository {
    /** The first line, where every agent starts. */
    public static final int FIRST_LINE = 1;
    /** The second line, told of escalations. */
    public static final int SECOND_LINE = 2;
    private final DSLContext dsl;

    public TierRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public int tierOf(long agentId) {
        ConfigSnapshot s = ConfigCache.current(dsl);
        if (s != null) {
            return s.tiers().getOrDefault(agentId, FIRST_LINE);
        }
        return dsl.select(AGENT.TIER).from(AGENT).where(AGENT.ID.eq(agentId)).fetchOptional(AGENT.TIER).orElse(FIRST_LINE);
    }

    /** @return false when there is no such agent */
    public boolean setTier(long agentId, int tier) {
        return dsl.update(AGENT).set(AGENT.TIER, tier).where(AGENT.ID.eq(agentId)).execute() == 1;
    }

    /** The mailbox's active agents of {@code tier}. */
    public List<Agent> activeOfTier(long mailboxId, int tier) {
        AgentRepository agents = new AgentRepository(dsl);
        return agents.activeForMailbox(mailboxId).stream().filter(a -> tierOf(a.id()) == tier).toList();
    }

    /** The second line and the team lead, each once; the mailbox's whole team when it has neither. */
    public List<Agent> secondLineAndLead(long mailboxId) {
        Map<Long, Agent> to = new LinkedHashMap<>();
        activeOfTier(mailboxId, SECOND_LINE).forEach(a -> to.put(a.id(), a));
        teamLead(mailboxId).flatMap(id -> new AgentRepository(dsl).byId(id)).filter(Agent::active)
                .ifPresent(a -> to.putIfAbsent(a.id(), a));
        return to.isEmpty() ? new AgentRepository(dsl).activeForMailbox(mailboxId) : new ArrayList<>(to.values());
    }

    public Optional<Long> teamLead(long mailboxId) {
        ConfigSnapshot s = ConfigCache.current(dsl);
        if (s != null) {
            return Optional.ofNullable(s.mailboxRows().get(mailboxId)).map(r -> r.getTeamLeadAgentId());
        }
        return dsl.select(MAILBOX.TEAM_LEAD_AGENT_ID).from(MAILBOX).where(MAILBOX.ID.eq(mailboxId))
                .fetchOptional(MAILBOX.TEAM_LEAD_AGENT_ID);
    }

    /** Sets (or with null clears) the mailbox's team lead; false when there is no such mailbox. */
    public boolean setTeamLead(long mailboxId, Long agentId) {
        return dsl.update(MAILBOX).set(MAILBOX.TEAM_LEAD_AGENT_ID, agentId).where(MAILBOX.ID.eq(mailboxId)).execute() == 1;
    }

    public Optional<Instant> escalatedAt(long ticketId) {
        return dsl.select(TICKET.ESCALATED_AT).from(TICKET).where(TICKET.ID.eq(ticketId))
                .fetchOptional(TICKET.ESCALATED_AT).map(Timestamps::fromDb);
    }

    /** Marks the ticket escalated; false when it already was (so the second line is told once). */
    public boolean escalate(long ticketId, Instant now) {
        return dsl.update(TICKET).set(TICKET.ESCALATED_AT, toDb(now)).set(TICKET.UPDATED_AT, toDb(now))
                .where(TICKET.ID.eq(ticketId), TICKET.ESCALATED_AT.isNull()).execute() == 1;
    }

    /** Clears the mark; false when the ticket was not escalated. */
    public boolean deescalate(long ticketId, Instant now) {
        return dsl.update(TICKET).setNull(TICKET.ESCALATED_AT).set(TICKET.UPDATED_AT, toDb(now))
                .where(TICKET.ID.eq(ticketId), TICKET.ESCALATED_AT.isNotNull()).execute() == 1;
    }
}
