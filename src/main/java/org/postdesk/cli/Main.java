package org.postdesk.cli;

import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine;

/** The {@code postdesk} program: runs one command and exits with its code (see {@link ExitCodes}). */
public final class Main {
    private Main() {
    }

    /** How long the JVM's shutdown hooks may take after a command is done before the process stops anyway. */
    static final Duration EXIT_GRACE = Duration.ofSeconds(10);

    public static void main(String[] args) {
        exit(run(CliEnvironment.system(), new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                args));
    }

    /**
     * Exits with {@code code}, running the shutdown hooks, but halts if they take longer than {@link #EXIT_GRACE}.
     * Everything of ours is closed by then; what may still run is H2's hook, which closes the embedded file when
     * this process served it to the daemon (AUTO_SERVER) — and in H2 2.3.232 that close can spin forever in
     * MVStore.registerVersionUsage (seen on a real server: a 'ticket list' at 100 % CPU for 35 minutes, holding
     * the file lock so that the daemon could not open the store). Halting then is a kill -9 to the file, which
     * WRITE_DELAY=0 makes lossless; the daemon's sessions reconnect and serve the file themselves.
     */
    public static void exit(int code) {
        Thread guard = new Thread(() -> {
            try {
                Thread.sleep(EXIT_GRACE.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("postdesk: shutdown hooks still running after " + EXIT_GRACE.toSeconds()
                    + " s; stopping now");
            Runtime.getRuntime().halt(code);
        }, "exit-guard");
        guard.setDaemon(true);
        guard.start();
        System.exit(code);
    }

    /** Runs one command line in-process; what {@link #main} and the tests call. Closes what the command opened. */
    public static int run(CliEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
        try (PostdeskCommand root = new PostdeskCommand(environment)) {
            CommandLine cmd = commandLine(root, args);
            cmd.setOut(out);
            cmd.setErr(err);
            int code = cmd.execute(args);
            out.flush();
            err.flush();
            return code;
        }
    }

    /** The whole configured command tree: exit-code mapping and one-line error messages. */
    public static CommandLine commandLine(PostdeskCommand root) {
        return commandLine(root, new String[0]);
    }

    /** The configured command tree with the commands {@code args} need ({@link CommandTree}). */
    static CommandLine commandLine(PostdeskCommand root, String... args) {
        CommandLine cmd = new CommandLine(root);
        // Before the settings below: picocli gives them to the subcommands registered at that moment only.
        CommandTree.register(cmd, PostdeskCommand.SUBCOMMANDS, args);
        ErrorPrinter errors = new ErrorPrinter(root);
        return cmd.setExitCodeExceptionMapper(new ExitCodes())
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }
}
