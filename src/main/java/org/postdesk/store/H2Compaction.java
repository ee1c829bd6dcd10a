package org.postdesk.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * Rewrites an embedded H2 store into the smallest file that holds its data ({@code SHUTDOWN COMPACT}), offline.
 *
 * <p>Why an admin needs it: with {@code WRITE_DELAY=0} (every commit written before it returns, see
 * {@link Database#jdbcUrl}) H2 runs no background writer, and so none of the housekeeping that thread does. Space
 * of old chunks is reused only after H2's retention time (45 s), so the file grows to about the peak commit rate ×
 * 45 s × the size of a commit's chunk and does not shrink while it is open: a benchmark store of 11,000 messages was
 * 903 MB, 54 MB after this. Lowering the retention time would let a power cut leave a file whose newest header
 * points at overwritten chunks, so the daemon keeps H2's default and the file is compacted while nothing uses it.
 */
public final class H2Compaction {
    /** Sizes before and after, and how long it took. */
    public record Result(Path file, long bytesBefore, long bytesAfter, Duration took) {
    }

    private H2Compaction() {
    }

    /** The {@code .mv.db} file of an embedded file store; empty for PostgreSQL, in-memory or server H2 URLs. */
    public static Optional<Path> fileOf(DbSettings settings) {
        String url = settings.url();
        String prefix = url.startsWith("jdbc:h2:file:") ? "jdbc:h2:file:" : url.startsWith("jdbc:h2:./")
                || url.startsWith("jdbc:h2:/") ? "jdbc:h2:" : null;
        if (prefix == null) {
            return Optional.empty();
        }
        String path = url.substring(prefix.length());
        int options = path.indexOf(';');
        path = options < 0 ? path : path.substring(0, options);
        if (path.startsWith("~/")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Optional.of(Path.of(path + ".mv.db"));
    }

    /**
     * Compacts the store. The caller has made sure no daemon uses it: the file is opened by this process alone
     * (no {@code AUTO_SERVER}), so a daemon that still holds it makes this fail on H2's file lock, changing nothing.
     *
     * @throws SQLException when H2 cannot open the file (locked by another process, damaged) or the compaction fails
     */
    public static Result compact(DbSettings settings) throws SQLException, IOException {
        Path file = fileOf(settings).orElseThrow(() -> new IllegalArgumentException(
                "db.url " + settings.url() + " is not an embedded H2 file store: only those are compacted here"));
        long before = Files.size(file);
        long start = System.nanoTime();
        String url = "jdbc:h2:file:" + file.toString().substring(0, file.toString().length() - ".mv.db".length())
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE";
        try (Connection c = DriverManager.getConnection(url, settings.user(), settings.password() == null ? ""
                : settings.password()); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        return new Result(file, before, Files.size(file), Duration.ofNanos(System.nanoTime() - start));
    }
}
