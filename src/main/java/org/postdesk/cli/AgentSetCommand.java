package org.postdesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Mailbox;
import org.postdesk.store.TierRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk agent set EMAIL --tier N [--lead-of MAILBOX]}: the agent's line, and team leads. */
@Command(name = "set",
        footer = {"", "Examples:", "  postdesk agent set eve@example.com --tier 2",
            "  postdesk agent set carol@example.com --lead-of support"},
        mixinStandardHelpOptions = true,
        description = {"Set an agent's tier (1: first line, the default; 2: second line, told of escalations),",
            "or make the agent the team lead of a mailbox (told of every escalation there)."})
final class AgentSetCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EMAIL|ID")
    private String who;

    @Option(names = "--tier", paramLabel = "1|2", description = "1 first line, 2 second line.")
    private Integer tier;

    @Option(names = "--lead-of", paramLabel = "MAILBOX", description = "Make the agent this mailbox's team lead.")
    private List<String> leadOf = new ArrayList<>();

    @Override
    public Integer call() {
        if (tier == null && leadOf.isEmpty()) {
            throw new UsageException("nothing to set: give --tier 1|2 and/or --lead-of MAILBOX");
        }
        if (tier != null && tier != TierRepository.FIRST_LINE && tier != TierRepository.SECOND_LINE) {
            throw new UsageException("--tier " + tier + " is not a tier: use 1 (first line) or 2 (second line)");
        }
        String done = PostdeskCommand.context(spec).database().inTransaction(tx -> {
            Agent agent = AgentShowCommand.find(new AgentRepository(tx), who);
            TierRepository tiers = new TierRepository(tx);
            List<String> did = new ArrayList<>();
            if (tier != null) {
                tiers.setTier(agent.id(), tier);
                did.add("tier " + tier + (tier == TierRepository.SECOND_LINE ? " (second line)" : " (first line)"));
            }
            for (String name : leadOf) {
                Mailbox m = SlaCli.mailbox(tx, name);
                tiers.setTeamLead(m.id(), agent.id());
                did.add("team lead of " + m.name());
            }
            return "agent " + agent.primaryAddress() + ": " + String.join(", ", did);
        });
        spec.commandLine().getOut().println(done);
        return ExitCodes.OK;
    }
}
