package org.postdesk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.postdesk.store.DaemonInfo;
import org.postdesk.store.DaemonRegistry;
import org.postdesk.store.Database;
import org.postdesk.store.DbSettings;
import org.postdesk.store.H2Compaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code postdesk store compact}: rewrites the embedded H2 file to the size of its data, with the daemon stopped
 * (see {@link H2Compaction} for why the file grows). Refuses while a daemon's heartbeat is fresh, and for PostgreSQL.
 */
@Command(name = "compact", mixinStandardHelpOptions = true,
        description = {"Shrink the embedded H2 store file to the size of its data. Stop the daemon first: it"
            + " refuses while a daemon uses the store.",
            "The file grows with bursts of work (about 45 s of commits at the busiest rate) and is reused, but never"
            + " shrinks while the daemon runs."},
        footer = {"", "Examples:", "  systemctl stop postdesk && postdesk store compact && systemctl start postdesk"})
final class StoreCompactCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        DbSettings settings = PostdeskCommand.context(spec).config().db().toSettings();
        Path file = H2Compaction.fileOf(settings).orElseThrow(() -> new UsageException("db.url " + settings.url()
                + " is not an embedded H2 file: PostgreSQL reclaims space itself (autovacuum); nothing to compact"));
        if (!Files.isRegularFile(file)) {
            throw new UsageException("the store file " + file + " does not exist: check db.url (and the directory the"
                    + " command runs in, for a relative path)");
        }
        try (Database db = Database.open(settings)) {
            List<DaemonInfo> live = new DaemonRegistry(db.dsl()).live(Instant.now());
            if (!live.isEmpty()) {
                throw new UsageException("nothing compacted: " + live.size() + " daemon(s) use the store ("
                        + live.stream().map(DaemonInfo::display).collect(Collectors.joining(", "))
                        + "): stop the daemon first (a daemon killed less than " + DaemonRegistry.LIVENESS.toSeconds()
                        + " s ago counts until its heartbeat is that old)");
            }
        }
        H2Compaction.Result r;
        try {
            r = H2Compaction.compact(settings);
        } catch (SQLException e) {
            spec.commandLine().getErr().println("nothing compacted: H2 could not open " + file + " on its own ("
                    + e.getMessage() + "): if a daemon still runs, stop it and try again");
            return ExitCodes.UNAVAILABLE;
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "compacted %s: %.1f MB -> %.1f MB in %.1f s%n", r.file(),
                r.bytesBefore() / 1e6, r.bytesAfter() / 1e6, r.took().toMillis() / 1000.0);
        return ExitCodes.OK;
    }
}
