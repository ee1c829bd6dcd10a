package org.postdesk.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jooq.DSLContext;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.DuplicateAgentAddressException;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.TierRepository;

/**
 * The admin's change of an agent ({@code postdesk agent set}) in the caller's transaction: name, the
 * mailboxes they are told about, the other addresses they reply from, tier and team leads. A real team needs
 * all of these after the agent was added (someone joins billing, gets a new laptop address, marries). Every
 * check runs before anything is written, so a refusal changes nothing. Returns the line to show.
 */
public final class AgentChanges {
    /**
     * What to change; null or empty keeps the stored value. Addresses come parsed and lower-case.
     */
    public record Change(String name, Integer tier, List<String> leadOf, List<String> addMailboxes,
                         List<String> removeMailboxes, List<String> addAddresses, List<String> removeAddresses) {
        public Change {
            leadOf = List.copyOf(leadOf);
            addMailboxes = List.copyOf(new LinkedHashSet<>(addMailboxes));
            removeMailboxes = List.copyOf(new LinkedHashSet<>(removeMailboxes));
            addAddresses = List.copyOf(new LinkedHashSet<>(addAddresses));
            removeAddresses = List.copyOf(new LinkedHashSet<>(removeAddresses));
        }

        boolean isEmpty() {
            return name == null && tier == null && leadOf.isEmpty() && addMailboxes.isEmpty()
                    && removeMailboxes.isEmpty() && addAddresses.isEmpty() && removeAddresses.isEmpty();
        }
    }

    public String set(DSLContext tx, String who, Change c) {
        if (c.isEmpty()) {
            throw new RefusedException("nothing to change: give at least one option (see: postdesk agent set --help)");
        }
        String name = c.name() == null ? null : checkName(c.name());
        if (c.tier() != null && c.tier() != TierRepository.FIRST_LINE && c.tier() != TierRepository.SECOND_LINE) {
            throw new RefusedException("--tier " + c.tier() + " is not a tier: use 1 (first line) or 2 (second line)");
        }
        refuseBoth(c.addMailboxes(), c.removeMailboxes(), "mailbox");
        refuseBoth(c.addAddresses(), c.removeAddresses(), "address");
        AgentRepository agents = new AgentRepository(tx);
        Agent agent = TicketCommands.agent(agents, who);
        MailboxRepository mailboxRepo = new MailboxRepository(tx);
        List<Mailbox> leadOf = c.leadOf().stream().map(m -> MailboxChanges.find(mailboxRepo, m)).toList();
        List<Mailbox> add = c.addMailboxes().stream().map(m -> MailboxChanges.find(mailboxRepo, m)).toList();
        List<Mailbox> remove = c.removeMailboxes().stream().map(m -> MailboxChanges.find(mailboxRepo, m)).toList();
        for (String a : c.removeAddresses()) {
            if (a.equals(agent.primaryAddress())) {
                throw new RefusedException(a + " is the main address of agent " + agent.display()
                        + ": notifications go there, so it stays; add the agent again with another address"
                        + " if it must change");
            }
            if (!agent.addresses().contains(a)) {
                throw new RefusedException(a + " is not an address of agent " + agent.display() + " (their addresses: "
                        + String.join(", ", agent.addresses()) + ")");
            }
        }

        List<String> did = new ArrayList<>();
        if (name != null && !name.equals(agent.name())) {
            agents.rename(agent.id(), name);
            did.add("name " + name);
        }
        for (Mailbox m : add) {
            did.add(agents.addMailbox(agent.id(), m.id()) ? "notified for " + m.name()
                    : "already notified for " + m.name());
        }
        for (Mailbox m : remove) {
            did.add(agents.removeMailbox(agent.id(), m.id()) ? "no longer notified for " + m.name()
                    : "was not notified for " + m.name());
        }
        for (String a : c.addAddresses()) {
            try {
                did.add(agents.addAddress(agent.id(), a) ? "address " + a + " added" : a + " was already theirs");
            } catch (DuplicateAgentAddressException e) {
                // The caller's transaction rolls back what this use case wrote before.
                throw new RefusedException(e.getMessage());
            }
        }
        for (String a : c.removeAddresses()) {
            agents.removeAddress(agent.id(), a);
            did.add("address " + a + " removed");
        }
        TierRepository tiers = new TierRepository(tx);
        if (c.tier() != null) {
            tiers.setTier(agent.id(), c.tier());
            did.add("tier " + c.tier() + (c.tier() == TierRepository.SECOND_LINE ? " (second line)" : " (first line)"));
        }
        for (Mailbox m : leadOf) {
            tiers.setTeamLead(m.id(), agent.id());
            did.add("team lead of " + m.name());
        }
        if (did.isEmpty()) {
            did.add("nothing changed");
        }
        return "agent " + agent.primaryAddress() + ": " + String.join(", ", did);
    }

    /** The display name customers see as the sender of the agent's replies. */
    public static String checkName(String name) {
        String display = name.strip();
        if (display.isEmpty() || display.length() > 200 || display.chars().anyMatch(Character::isISOControl)) {
            throw new RefusedException("--name '" + name + "': 1 to 200 characters, no control characters");
        }
        return display;
    }

    private static void refuseBoth(List<String> added, List<String> removed, String what) {
        added.stream().filter(removed::contains).findFirst().ifPresent(x -> {
            throw new RefusedException(what + " " + x + " is both added and removed: give it once");
        });
    }
}
