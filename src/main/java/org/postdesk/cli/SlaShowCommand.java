package org.postdesk.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.postdesk.store.Mailbox;
import org.postdesk.store.SlaPolicyRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code postdesk sla show MAILBOX}: one mailbox's policies. */
@Command(name = "show", footer = {"", "Examples:", "  postdesk sla show support", "  postdesk sla show support --json"},
        mixinStandardHelpOptions = true, description = "Show one mailbox's SLA policies.")
final class SlaShowCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MAILBOX")
    private String mailbox;

    @Option(names = "--json", description = "Print JSON.")
    private boolean json;

    @Override
    public Integer call() {
        var dsl = PostdeskCommand.context(spec).database().dsl();
        Mailbox m = SlaCli.mailbox(dsl, mailbox);
        List<SlaListCommand.PolicyView> views = new SlaPolicyRepository(dsl).forMailbox(m.id()).stream()
                .map(p -> SlaListCommand.PolicyView.of(m.name(), p)).toList();
        SlaListCommand.print(spec.commandLine().getOut(), views, json);
        return ExitCodes.OK;
    }
}
