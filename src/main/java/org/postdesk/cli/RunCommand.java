package org.postdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import org.postdesk.daemon.DaemonLauncher;

/** {@code postdesk run}: the daemon, in the foreground, until SIGTERM or Ctrl-C. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the help desk: watch every enabled mailbox, store and thread mail, send replies.",
            "Runs in the foreground until SIGTERM or Ctrl-C; finishes the message in flight before it exits."},
        footer = {"", "Examples:", "  postdesk run", "  postdesk --config /etc/postdesk/postdesk.properties run"})
final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        CliContext context = PostdeskCommand.context(spec);
        DaemonLauncher.runUntilStopped(context.config(), context.database(), context.secrets(), () -> { });
        return ExitCodes.OK;
    }
}
