package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.db.Tables.AGENT;
import static org.postdesk.store.db.Tables.AGENT_ADDRESS;
import static org.postdesk.store.db.Tables.AGENT_MAILBOX;
import static org.postdesk.store.db.Tables.BUSINESS_CALENDAR;
import static org.postdesk.store.db.Tables.CALENDAR_DAY;
import static org.postdesk.store.db.Tables.MAILBOX;
import static org.postdesk.store.db.Tables.SLA_POLICY;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.postdesk.sla.BusinessCalendar;
import org.postdesk.sla.DayOverride;
import org.postdesk.sla.ScopedPolicy;
import org.postdesk.store.db.tables.records.AgentRecord;
import org.postdesk.store.db.tables.records.MailboxRecord;

/**
 * Every mailbox and agent (with addresses, mailboxes and tier) as of one {@code config_generation}: what
 * {@link MailboxRepository}, {@link AgentRepository} and {@link TierRepository} answer from memory while the
 * generation stands, the mailboxes' business calendars ({@link CalendarRepository}: built once here, not per
 * lookup) and SLA policies ({@link SlaPolicyRepository}: the SLA sweeper asks for them on every ticket it replays).
 * Read in seven statements however many there are. Immutable.
 */
record ConfigSnapshot(long generation, Map<Long, MailboxRecord> mailboxRows, List<Mailbox> mailboxesByName,
                      Map<Long, Agent> agentsById, Map<Long, Integer> tiers, Map<String, Agent> agentsByAddress,
                      Map<Long, List<Agent>> agentsOfMailbox, Map<Long, CalendarRepository.Hours> hours,
                      Map<Long, List<DayOverride>> days, Map<Long, BusinessCalendar> calendars,
                      Map<Long, List<ScopedPolicy>> policies) {

    static ConfigSnapshot load(DSLContext dsl, long generation) {
        List<MailboxRecord> mailboxRows = dsl.selectFrom(MAILBOX).orderBy(MAILBOX.NAME).fetch();
        Map<Long, MailboxRecord> byId = new HashMap<>();
        mailboxRows.forEach(r -> byId.put(r.getId(), r));
        List<AgentRecord> agentRows = dsl.selectFrom(AGENT).orderBy(AGENT.ID).fetch();
        // The same order as AgentRepository reads: the primary address first, then by address.
        Map<Long, List<String>> addresses = dsl.select(AGENT_ADDRESS.AGENT_ID, AGENT_ADDRESS.ADDRESS).from(AGENT_ADDRESS)
                .orderBy(AGENT_ADDRESS.IS_PRIMARY.desc(), AGENT_ADDRESS.ADDRESS)
                .fetchGroups(AGENT_ADDRESS.AGENT_ID, AGENT_ADDRESS.ADDRESS);
        List<Record2<Long, Long>> links = dsl.select(AGENT_MAILBOX.AGENT_ID, AGENT_MAILBOX.MAILBOX_ID)
                .from(AGENT_MAILBOX).fetch();
        Map<Long, List<String>> mailboxNames = new HashMap<>();
        Map<Long, List<Long>> agentIdsOfMailbox = new HashMap<>();
        for (Record2<Long, Long> l : links) {
            MailboxRecord m = byId.get(l.value2());
            if (m != null) {
                mailboxNames.computeIfAbsent(l.value1(), k -> new ArrayList<>()).add(m.getName());
                agentIdsOfMailbox.computeIfAbsent(l.value2(), k -> new ArrayList<>()).add(l.value1());
            }
        }
        Map<Long, Agent> agents = new LinkedHashMap<>();
        Map<Long, Integer> tiers = new HashMap<>();
        Map<String, Agent> byAddress = new HashMap<>();
        for (AgentRecord r : agentRows) {
            List<String> names = new ArrayList<>(mailboxNames.getOrDefault(r.getId(), List.of()));
            names.sort(Comparator.naturalOrder());
            Agent a = new Agent(r.getId(), r.getName(), r.getActive(), fromDb(r.getCreatedAt()),
                    addresses.getOrDefault(r.getId(), List.of()), names);
            agents.put(a.id(), a);
            tiers.put(a.id(), r.getTier());
            a.addresses().forEach(address -> byAddress.put(address, a));
        }
        Map<Long, List<Agent>> ofMailbox = new HashMap<>();
        agentIdsOfMailbox.forEach((mailboxId, ids) -> ofMailbox.put(mailboxId, ids.stream().sorted()
                .map(agents::get).toList()));
        Map<Long, CalendarRepository.Hours> hours = new HashMap<>();
        dsl.selectFrom(BUSINESS_CALENDAR).fetch().forEach(r -> hours.put(r.getMailboxId(), CalendarRepository.toHours(r)));
        Map<Long, List<DayOverride>> days = new HashMap<>();
        dsl.selectFrom(CALENDAR_DAY).orderBy(CALENDAR_DAY.MAILBOX_ID, CALENDAR_DAY.ON_DATE).fetch()
                .forEach(r -> days.computeIfAbsent(r.getMailboxId(), k -> new ArrayList<>()).add(CalendarRepository.toDay(r)));
        days.replaceAll((k, v) -> List.copyOf(v));
        Map<Long, List<ScopedPolicy>> policies = new HashMap<>();
        SlaPolicyRepository.ordered(dsl.selectFrom(SLA_POLICY)).fetch()
                .forEach(r -> policies.computeIfAbsent(r.getMailboxId(), k -> new ArrayList<>()).add(SlaPolicyRepository.toPolicy(r)));
        policies.replaceAll((k, v) -> List.copyOf(v));
        return new ConfigSnapshot(generation, Map.copyOf(byId),
                mailboxRows.stream().map(MailboxRepository::toMailbox).toList(),
                java.util.Collections.unmodifiableMap(agents), Map.copyOf(tiers), Map.copyOf(byAddress),
                Map.copyOf(ofMailbox), Map.copyOf(hours), Map.copyOf(days), calendars(hours, days), Map.copyOf(policies));
    }

    /**
     * The calendars of the mailboxes with weekly hours. One whose stored hours cannot make a calendar (never open)
     * is left out, so that {@link CalendarRepository#calendar} builds it and refuses it with its own message.
     */
    private static Map<Long, BusinessCalendar> calendars(Map<Long, CalendarRepository.Hours> hours,
                                                         Map<Long, List<DayOverride>> days) {
        Map<Long, BusinessCalendar> calendars = new HashMap<>();
        hours.forEach((mailboxId, h) -> {
            try {
                calendars.put(mailboxId, new BusinessCalendar(h.zone(), h.weekly(), days.getOrDefault(mailboxId, List.of())));
            } catch (IllegalArgumentException e) {
                // not cached: see above
            }
        });
        return Map.copyOf(calendars);
    }

    Optional<Mailbox> mailbox(long id) {
        MailboxRecord r = mailboxRows.get(id);
        return r == null ? Optional.empty() : Optional.of(MailboxRepository.toMailbox(r));
    }

    List<Agent> agents() {
        return List.copyOf(agentsById.values());
    }

    /** {@code address} lower-case, as stored. */
    Optional<Agent> agentByAddress(String address) {
        return Optional.ofNullable(agentsByAddress.get(address));
    }

    List<Agent> agentsOfMailbox(long mailboxId) {
        return agentsOfMailbox.getOrDefault(mailboxId, List.of());
    }

    Set<String> allAddresses() {
        return agentsByAddress.keySet();
    }
}
