package org.postdesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.postdesk.app.AgentChanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk agent set EMAIL|ID [options]}: name, mailboxes, addresses, tier and team leads. */
@Command(name = "set",
        footer = {"", "Examples:",
            "  postdesk agent set bob@example.com --add-mailbox billing --remove-mailbox support",
            "  postdesk agent set bob@example.com --name \"Robert Smith\" --add-address robert@example.com",
            "  postdesk agent set eve@example.com --tier 2",
            "  postdesk agent set carol@example.com --lead-of support"},
        mixinStandardHelpOptions = true,
        description = "Change an agent: the name customers see, the mailboxes whose tickets they are told about,"
            + " the other addresses they reply from, their tier (1: first line, the default; 2: second line, told"
            + " of escalations), or make them the team lead of a mailbox (told of every escalation there)."
            + " Options not given keep their values; a refusal changes nothing.")
final class AgentSetCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EMAIL|ID")
    private String who;

    @Option(names = "--name", paramLabel = "NAME", description = "New display name.")
    private String name;

    @Option(names = "--add-mailbox", paramLabel = "M", description = "Tell the agent about this mailbox's tickets (repeatable).")
    private List<String> addMailboxes = new ArrayList<>();

    @Option(names = "--remove-mailbox", paramLabel = "M", description = "Stop telling the agent about this mailbox (repeatable).")
    private List<String> removeMailboxes = new ArrayList<>();

    @Option(names = "--add-address", paramLabel = "ADDR", description = "Another address the agent replies from (repeatable).")
    private List<String> addAddresses = new ArrayList<>();

    @Option(names = "--remove-address", paramLabel = "ADDR",
            description = "Remove one of the agent's other addresses (repeatable; not the main one).")
    private List<String> removeAddresses = new ArrayList<>();

    @Option(names = "--tier", paramLabel = "1|2", description = "1 first line, 2 second line.")
    private Integer tier;

    @Option(names = "--lead-of", paramLabel = "MAILBOX", description = "Make the agent this mailbox's team lead.")
    private List<String> leadOf = new ArrayList<>();

    @Override
    public Integer call() {
        AgentChanges.Change change = new AgentChanges.Change(name, tier, leadOf, addMailboxes, removeMailboxes,
                addAddresses.stream().map(a -> AgentAddCommand.address("--add-address", a)).toList(),
                removeAddresses.stream().map(a -> AgentAddCommand.address("--remove-address", a)).toList());
        String done = PostdeskCommand.context(spec).database().inTransaction(tx -> new AgentChanges().set(tx, who, change));
        spec.commandLine().getOut().println(done);
        return ExitCodes.OK;
    }
}
