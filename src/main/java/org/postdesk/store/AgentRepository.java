package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.db.Tables.AGENT;
import static org.postdesk.store.db.Tables.AGENT_ADDRESS;
import static org.postdesk.store.db.Tables.AGENT_MAILBOX;
import static org.postdesk.store.db.Tables.MAILBOX;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;
import org.postdesk.store.db.tables.records.AgentRecord;

/** Agents, their addresses and their mailboxes. Construct it over any context. */
public final class AgentRepository {
    private final DSLContext dsl;

    public AgentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Stores a new active agent; throws {@link DuplicateAgentAddressException} when an address is taken. */
    public Agent add(NewAgent a) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            for (String address : a.addresses()) {
                if (tx.fetchExists(AGENT_ADDRESS, AGENT_ADDRESS.ADDRESS.eq(normal(address)))) {
                    throw new DuplicateAgentAddressException(normal(address));
                }
            }
            long id = tx.insertInto(AGENT).set(AGENT.NAME, a.name()).returningResult(AGENT.ID).fetchOne(AGENT.ID);
            try {
                for (int i = 0; i < a.addresses().size(); i++) {
                    tx.insertInto(AGENT_ADDRESS).set(AGENT_ADDRESS.ADDRESS, normal(a.addresses().get(i)))
                            .set(AGENT_ADDRESS.AGENT_ID, id).set(AGENT_ADDRESS.IS_PRIMARY, i == 0).execute();
                }
            } catch (IntegrityConstraintViolationException e) {
                // Another process added the same address between the check and the insert.
                throw new DuplicateAgentAddressException(String.join(", ", a.addresses()));
            }
            for (long mailboxId : a.mailboxIds()) {
                tx.insertInto(AGENT_MAILBOX).set(AGENT_MAILBOX.AGENT_ID, id)
                        .set(AGENT_MAILBOX.MAILBOX_ID, mailboxId).execute();
            }
            return new AgentRepository(tx).byId(id).orElseThrow();
        });
    }

    // The lookups below answer from the daemon's ConfigCache while config_generation stands (issue 16): agent
    // authenticity is checked from them, so a change is seen by the next transaction, from any JVM.

    public List<Agent> list() {
        ConfigSnapshot s = ConfigCache.current(dsl);
        return s != null ? s.agents() : select(DSL.trueCondition());
    }

    public Optional<Agent> byId(long id) {
        ConfigSnapshot s = ConfigCache.current(dsl);
        return s != null ? Optional.ofNullable(s.agentsById().get(id)) : select(AGENT.ID.eq(id)).stream().findFirst();
    }

    /** The agent owning {@code address}, active or not. */
    public Optional<Agent> byAddress(String address) {
        ConfigSnapshot s = ConfigCache.current(dsl);
        if (s != null) {
            return s.agentByAddress(normal(address));
        }
        return select(AGENT.ID.in(DSL.select(AGENT_ADDRESS.AGENT_ID).from(AGENT_ADDRESS)
                .where(AGENT_ADDRESS.ADDRESS.eq(normal(address))))).stream().findFirst();
    }

    /** The active agent owning {@code address}; empty for strangers and disabled agents. */
    public Optional<Agent> activeByAddress(String address) {
        return byAddress(address).filter(Agent::active);
    }

    /** The active agents of a mailbox: who is told about its new tickets. */
    public List<Agent> activeForMailbox(long mailboxId) {
        ConfigSnapshot s = ConfigCache.current(dsl);
        if (s != null) {
            return s.agentsOfMailbox(mailboxId).stream().filter(Agent::active).toList();
        }
        return select(AGENT.ACTIVE.isTrue().and(AGENT.ID.in(DSL.select(AGENT_MAILBOX.AGENT_ID)
                .from(AGENT_MAILBOX).where(AGENT_MAILBOX.MAILBOX_ID.eq(mailboxId)))));
    }

    /** Every agent address, active or not, lower-case. */
    public Set<String> allAddresses() {
        ConfigSnapshot s = ConfigCache.current(dsl);
        if (s != null) {
            return Set.copyOf(s.allAddresses());
        }
        return dsl.select(AGENT_ADDRESS.ADDRESS).from(AGENT_ADDRESS).fetchSet(AGENT_ADDRESS.ADDRESS);
    }

    /** @return false when there is no such agent */
    public boolean setActive(long id, boolean active) {
        return dsl.update(AGENT).set(AGENT.ACTIVE, active).where(AGENT.ID.eq(id)).execute() == 1;
    }

    /** @return false when there is no such agent */
    public boolean rename(long id, String name) {
        return dsl.update(AGENT).set(AGENT.NAME, name).where(AGENT.ID.eq(id)).execute() == 1;
    }

    /** Tells the agent about a mailbox's tickets; false when they already were. */
    public boolean addMailbox(long agentId, long mailboxId) {
        if (dsl.fetchExists(AGENT_MAILBOX, AGENT_MAILBOX.AGENT_ID.eq(agentId).and(AGENT_MAILBOX.MAILBOX_ID.eq(mailboxId)))) {
            return false;
        }
        dsl.insertInto(AGENT_MAILBOX).set(AGENT_MAILBOX.AGENT_ID, agentId).set(AGENT_MAILBOX.MAILBOX_ID, mailboxId)
                .execute();
        return true;
    }

    /** Stops telling the agent about a mailbox's tickets; false when they were not. */
    public boolean removeMailbox(long agentId, long mailboxId) {
        return dsl.deleteFrom(AGENT_MAILBOX).where(AGENT_MAILBOX.AGENT_ID.eq(agentId))
                .and(AGENT_MAILBOX.MAILBOX_ID.eq(mailboxId)).execute() == 1;
    }

    /**
     * Another address the agent replies from; false when it is already theirs. Throws
     * {@link DuplicateAgentAddressException} when it belongs to another agent.
     */
    public boolean addAddress(long agentId, String address) {
        String a = normal(address);
        Long owner = dsl.select(AGENT_ADDRESS.AGENT_ID).from(AGENT_ADDRESS).where(AGENT_ADDRESS.ADDRESS.eq(a))
                .fetchOne(AGENT_ADDRESS.AGENT_ID);
        if (owner != null) {
            if (owner == agentId) {
                return false;
            }
            throw new DuplicateAgentAddressException(a);
        }
        try {
            dsl.insertInto(AGENT_ADDRESS).set(AGENT_ADDRESS.ADDRESS, a).set(AGENT_ADDRESS.AGENT_ID, agentId)
                    .set(AGENT_ADDRESS.IS_PRIMARY, false).execute();
        } catch (IntegrityConstraintViolationException e) {
            // Another process added the same address between the check and the insert.
            throw new DuplicateAgentAddressException(a);
        }
        return true;
    }

    /** Removes one of the agent's other addresses (never the primary one); false when it is not theirs. */
    public boolean removeAddress(long agentId, String address) {
        return dsl.deleteFrom(AGENT_ADDRESS).where(AGENT_ADDRESS.AGENT_ID.eq(agentId))
                .and(AGENT_ADDRESS.ADDRESS.eq(normal(address))).and(AGENT_ADDRESS.IS_PRIMARY.isFalse()).execute() == 1;
    }

    /**
     * The agents matching {@code where} with their addresses and mailboxes: three statements however many
     * agents match (one when none does), not two more per agent — notifying a team reads it per message.
     */
    private List<Agent> select(Condition where) {
        List<AgentRecord> rows = dsl.selectFrom(AGENT).where(where).orderBy(AGENT.ID).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(AgentRecord::getId).collect(Collectors.toList());
        Map<Long, List<String>> addresses = dsl.select(AGENT_ADDRESS.AGENT_ID, AGENT_ADDRESS.ADDRESS).from(AGENT_ADDRESS)
                .where(AGENT_ADDRESS.AGENT_ID.in(ids))
                .orderBy(AGENT_ADDRESS.IS_PRIMARY.desc(), AGENT_ADDRESS.ADDRESS)
                .fetchGroups(AGENT_ADDRESS.AGENT_ID, AGENT_ADDRESS.ADDRESS);
        Map<Long, List<String>> mailboxes = dsl.select(AGENT_MAILBOX.AGENT_ID, MAILBOX.NAME).from(AGENT_MAILBOX).join(MAILBOX)
                .on(MAILBOX.ID.eq(AGENT_MAILBOX.MAILBOX_ID)).where(AGENT_MAILBOX.AGENT_ID.in(ids))
                .orderBy(MAILBOX.NAME).fetchGroups(AGENT_MAILBOX.AGENT_ID, MAILBOX.NAME);
        return rows.stream().map(r -> new Agent(r.getId(), r.getName(), r.getActive(), fromDb(r.getCreatedAt()),
                addresses.getOrDefault(r.getId(), List.of()), mailboxes.getOrDefault(r.getId(), List.of())))
                .collect(Collectors.toList());
    }

    private static String normal(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
