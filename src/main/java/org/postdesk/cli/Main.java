package org.postdesk.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** The {@code postdesk} program: runs one command and exits with its code (see {@link ExitCodes}). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(CliEnvironment.system(), new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                args));
    }

    /** Runs one command line in-process; what {@link #main} and the tests call. Closes what the command opened. */
    public static int run(CliEnvironment environment, PrintWriter out, PrintWriter err, String... args) {
        try (PostdeskCommand root = new PostdeskCommand(environment)) {
            CommandLine cmd = commandLine(root);
            cmd.setOut(out);
            cmd.setErr(err);
            int code = cmd.execute(args);
            out.flush();
            err.flush();
            return code;
        }
    }

    /** The configured command tree: exit-code mapping and one-line error messages. */
    public static CommandLine commandLine(PostdeskCommand root) {
        ErrorPrinter errors = new ErrorPrinter(root);
        return new CommandLine(root)
                .setExitCodeExceptionMapper(new ExitCodes())
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
    }
}
