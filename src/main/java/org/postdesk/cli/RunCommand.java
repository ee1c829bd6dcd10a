package org.postdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import org.postdesk.daemon.DaemonLauncher;
import org.postdesk.daemon.StoreAtStart;
import org.postdesk.store.Database;

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
        Database db = StoreAtStart.open(context::database, context.config().ingest().reconnectMaxBackoff(),
                d -> Thread.sleep(d.toMillis()));
        DaemonLauncher.runUntilStopped(context.config(), db, context.secrets(), () -> { });
        return ExitCodes.OK;
    }
}
