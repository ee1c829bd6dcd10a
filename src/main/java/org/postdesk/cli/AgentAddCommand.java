package org.postdesk.cli;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.postdesk.app.AgentChanges;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.DuplicateAgentAddressException;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.NewAgent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk agent add EMAIL --name NAME}: checks every value first, then stores the agent in one go. */
@Command(name = "add",
        footer = {
            "",
            "Examples:",
            "  postdesk agent add bob@example.com --name \"Bob Smith\" --mailbox support",
            "  postdesk agent add eve@example.com --name Eve --mailbox support --mailbox sales --address eve@gmail.com",
        },
        mixinStandardHelpOptions = true,
        description = "Add an agent. Notifications go to EMAIL; replies from EMAIL or any --address count as the"
            + " agent's when they answer a notification. Change the agent later with: postdesk agent set.")
final class AgentAddCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EMAIL", description = "The agent's main address; notifications go here.")
    private String email;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "Display name, shown to customers as the sender of the agent's replies.")
    private String name;

    @Option(names = "--mailbox", paramLabel = "M", description = "A mailbox whose tickets the agent is told about (repeatable).")
    private List<String> mailboxes = new ArrayList<>();

    @Option(names = "--address", paramLabel = "ADDR", description = "Another address the agent replies from (repeatable).")
    private List<String> extra = new ArrayList<>();

    @Override
    public Integer call() {
        String display = AgentChanges.checkName(name);
        Set<String> addresses = new LinkedHashSet<>();
        addresses.add(address("EMAIL", email));
        extra.forEach(a -> addresses.add(address("--address", a)));
        CliContext ctx = PostdeskCommand.context(spec);
        List<Long> mailboxIds = mailboxIds(new MailboxRepository(ctx.database().dsl()));
        try {
            Agent added = new AgentRepository(ctx.database().dsl())
                    .add(new NewAgent(display, List.copyOf(addresses), mailboxIds));
            spec.commandLine().getOut().printf("agent %s <%s> added%s%n", added.name(), added.primaryAddress(),
                    added.mailboxes().isEmpty() ? " (no mailbox yet: they get no notifications)"
                            : ", notified for " + String.join(", ", added.mailboxes()));
            return ExitCodes.OK;
        } catch (DuplicateAgentAddressException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private List<Long> mailboxIds(MailboxRepository repo) {
        List<Long> ids = new ArrayList<>();
        for (String m : new LinkedHashSet<>(mailboxes)) {
            ids.add(repo.byName(m).map(Mailbox::id).orElseThrow(
                    () -> new UsageException("--mailbox " + m + ": no such mailbox (see: postdesk mailbox list)")));
        }
        return ids;
    }

    static String address(String option, String value) {
        try {
            InternetAddress parsed = new InternetAddress(value, true);
            if (parsed.getPersonal() != null || !parsed.getAddress().contains("@")) {
                throw new AddressException("expected a bare address like bob@example.com");
            }
            return parsed.getAddress().toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            throw new UsageException(option + " " + value + ": not an email address (" + e.getMessage() + ")");
        }
    }
}
