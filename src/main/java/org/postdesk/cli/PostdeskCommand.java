package org.postdesk.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code postdesk}: the top command. It owns the global options and the {@link CliContext} that
 * subcommands reach with {@link #context(CommandSpec)}. Add a subcommand by listing its class in {@link #SUBCOMMANDS}.
 */
@Command(name = "postdesk", mixinStandardHelpOptions = true, versionProvider = PostdeskCommand.Version.class,
        description = "Email-to-ticket help desk: watches shared mailboxes and turns mail into numbered tickets.",
        footer = {"", "Examples:", "  postdesk mailbox list", "  postdesk template edit ack --locale ru",
            "  postdesk ticket show 10019 --json", "  source <(postdesk completion bash)"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:internal error (run again with --verbose for the stack trace)",
            "2:usage: a wrong option or argument, or a request that cannot be done as asked",
            "3:configuration: a bad configuration file or value, or invalid templates (template validate)",
            "4:unavailable: the database or a mail server cannot be reached"})
public final class PostdeskCommand implements Runnable, AutoCloseable {
    static final String VERSION = "0.1.0";

    /**
     * The top-level commands, in the order {@code --help} lists them; add a command by listing its class here.
     * Not in the annotation's {@code subcommands}, so that {@link Main} can register only the one being run
     * ({@link CommandTree}).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            MailboxCommand.class,
            AgentCommand.class,
            TicketCommand.class,
            TemplateCommand.class,
            ReportCommand.class,
            HoursCommand.class,
            HolidayCommand.class,
            SlaCommand.class,
            StoreCommand.class,
            RunCommand.class,
            SandboxCommand.class,
            CompletionCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Configuration file (default: $POSTDESK_CONFIG, else conf/postdesk.properties if it exists).")
    private Path config;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces of errors.")
    private boolean verbose;

    private final CliEnvironment environment;
    private CliContext context;

    public PostdeskCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /** The shared context of the running command line; created when a command first asks for it. */
    public static CliContext context(CommandSpec anySpec) {
        return ((PostdeskCommand) anySpec.root().userObject()).context();
    }

    CliContext context() {
        if (context == null) {
            context = new CliContext(config, environment);
        }
        return context;
    }

    boolean verbose() {
        return verbose;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: try 'postdesk mailbox --help'");
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }

    /** The jar's Implementation-Version when packaged, else the source version. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PostdeskCommand.class.getPackage().getImplementationVersion();
            return new String[] {"postdesk " + (v != null ? v : VERSION)};
        }
    }
}
