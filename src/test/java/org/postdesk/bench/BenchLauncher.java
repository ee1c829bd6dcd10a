package org.postdesk.bench;

import java.util.List;
import java.util.function.Function;

/**
 * The {@code main} of every benchmark: parse the command line (exit 0 after {@code --help}, 2 on a bad
 * one), run, and exit with the run's code, or 1 when it fails. Always through {@link System#exit}:
 * GreenMail's and H2's threads would keep the JVM alive after {@code main} ends.
 */
final class BenchLauncher {

    /** One benchmark run; returns the exit code. */
    interface Run<O> {
        int run(O options) throws Exception;
    }

    private BenchLauncher() {
    }

    static <O> void launch(String[] args, Function<List<String>, O> parse, String usage, Run<O> run) {
        O options;
        try {
            options = parse.apply(List.of(args));
        } catch (BenchOptions.UsageException e) {
            (e.exitCode == 0 ? System.out : System.err).println(e.getMessage());
            System.exit(e.exitCode);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("bad number: " + e.getMessage() + "\n" + usage);
            System.exit(2);
            return;
        }
        try {
            System.exit(run.run(options));
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }
}
