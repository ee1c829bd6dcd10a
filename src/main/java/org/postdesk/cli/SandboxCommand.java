package org.postdesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.postdesk.daemon.DaemonLauncher;
import org.postdesk.daemon.Sandbox;
import org.postdesk.daemon.SandboxMailServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code postdesk sandbox}: the whole help desk on a throwaway H2 database and an in-process mail server,
 * for trying it out with any mail client.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Try Postdesk without any setup: starts an in-process mail server (SMTP and IMAP on"
            + " localhost) with ready accounts, a throwaway database, and the daemon. Ctrl-C stops it and"
            + " deletes everything."},
        subcommands = {SandboxSendCommand.class, SandboxDemoDataCommand.class},
        footer = {"", "Examples:", "  postdesk sandbox", "  postdesk sandbox --smtp-port 2525 --imap-port 2143",
            "  postdesk sandbox send --subject 'Printer on fire' --body 'Please help'",
            "  postdesk sandbox demo-data     (a store full of tickets for the reports)"})
final class SandboxCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--smtp-port", defaultValue = "3025", description = "SMTP port on localhost (default ${DEFAULT-VALUE}).")
    private int smtpPort;

    @Option(names = "--imap-port", defaultValue = "3143", description = "IMAP port on localhost (default ${DEFAULT-VALUE}).")
    private int imapPort;

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("postdesk-sandbox-");
        CliContext context = new CliContext(null, sandboxEnvironment(PostdeskCommand.context(spec).environment(), dir));
        SandboxMailServer mail = new SandboxMailServer("127.0.0.1", smtpPort, imapPort);
        try {
            mail.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("sandbox mail server cannot start on localhost ports " + smtpPort + "/"
                    + imapPort + " (" + e.getMessage() + "): another sandbox running? choose --smtp-port/--imap-port", e);
        }
        Sandbox sandbox = new Sandbox(context.database(), context.secrets(), mail);
        sandbox.provision();
        printBanner(spec.commandLine().getOut(), sandbox.banner(context.config().db().url()), dir);
        DaemonLauncher.runUntilStopped(context.config(), context.database(), context.secrets(), () -> {
            mail.close();
            context.close();
            delete(dir);
        });
        return ExitCodes.OK;
    }

    private static CliEnvironment sandboxEnvironment(CliEnvironment real, Path dir) {
        Map<String, String> env = new HashMap<>(real.env());
        env.put("POSTDESK_DB_URL", "jdbc:h2:file:" + dir.resolve("postdesk").toAbsolutePath());
        env.put("POSTDESK_DATA_DIR", dir.toString());
        env.put("POSTDESK_SECRET_KEY_FILE", dir.resolve("secret.key").toString());
        return new CliEnvironment(env, real.stdin(), real.consoleOrNull());
    }

    private static void printBanner(PrintWriter out, String banner, Path dir) {
        out.println(banner);
        out.println("Data (deleted on exit): " + dir);
        out.println("Ctrl-C stops the sandbox.");
        out.flush();
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
