package org.postdesk.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Whether the store's schema already has every migration this build ships, found with one query of Flyway's
 * history table, so that opening a current store skips Flyway (issue 16: loading, configuring and running Flyway
 * was about half a second of every command and of the daemon's start, for nothing but "schema is up to date").
 * Anything this check does not fully understand — no history table yet, a failed migration, a repeatable or
 * otherwise unusual migration file, migrations it cannot list — answers "not current", and Flyway then runs
 * and decides, exactly as before. What is given up: Flyway's checksum validation of migrations already applied
 * (an applied migration edited afterwards) runs only when a new migration arrives.
 */
final class SchemaCurrency {
    /** Where {@link Database} has Flyway look for migrations. */
    static final String LOCATION = "db/migration";
    /** Flyway's default versioned-migration name: V + version (digits, '.' or '_' between) + "__" + description. */
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__[^/]*\\.sql");

    private SchemaCurrency() {
    }

    /** True only when every migration on the classpath is applied successfully and none has failed. */
    static boolean isCurrent(DataSource ds) {
        Optional<Set<String>> shipped = shippedVersions(Database.class.getClassLoader());
        if (shipped.isEmpty() || shipped.get().isEmpty()) {
            return false;
        }
        Optional<Set<String>> applied = appliedVersions(ds);
        return applied.isPresent() && applied.get().containsAll(shipped.get());
    }

    /**
     * The normalised versions of the migration files under {@link #LOCATION} (jar or directory); empty when a
     * file there is not a plain versioned SQL migration or the location cannot be listed.
     */
    static Optional<Set<String>> shippedVersions(ClassLoader loader) {
        Set<String> versions = new HashSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(LOCATION);
            while (roots.hasMoreElements()) {
                Optional<List<String>> names = fileNames(roots.nextElement());
                if (names.isEmpty()) {
                    return Optional.empty();
                }
                for (String name : names.get()) {
                    Matcher m = VERSIONED.matcher(name);
                    if (!m.matches()) {
                        return Optional.empty();
                    }
                    versions.add(normalised(m.group(1)));
                }
            }
        } catch (IOException | UncheckedIOException | URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(versions);
    }

    private static Optional<List<String>> fileNames(URL root) throws IOException, URISyntaxException {
        if ("file".equals(root.getProtocol())) {
            try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
                return Optional.of(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                        .collect(Collectors.toList()));
            }
        }
        if ("jar".equals(root.getProtocol())) {
            // The class loader has this jar open already; the connection's JarFile is that cached copy, so this
            // reads its in-memory directory, not the file.
            JarURLConnection connection = (JarURLConnection) root.openConnection();
            JarFile jar = connection.getJarFile();
            String entry = connection.getEntryName();
            String prefix = entry.endsWith("/") ? entry : entry + "/";
            return Optional.of(jar.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith(prefix) && n.length() > prefix.length() && !n.endsWith("/"))
                    .map(n -> n.substring(prefix.length())).collect(Collectors.toList()));
        }
        return Optional.empty();
    }

    /**
     * The successfully applied versions in {@code flyway_schema_history}; empty when the table is missing, cannot
     * be read, or records a failed migration (Flyway must then report or repair it).
     *
     * @throws IllegalStateException with the {@link SQLException} as cause when no connection can be had
     */
    static Optional<Set<String>> appliedVersions(DataSource ds) {
        Connection c;
        try {
            c = ds.getConnection();
        } catch (SQLException e) {
            // Not a question for Flyway: the store is unreachable, which the caller reports (or waits out).
            throw new IllegalStateException("cannot connect to read the schema version", e);
        }
        try (c) {
            // Asked first, so a new store's first open leaves no "table not found" in H2's trace file or the
            // PostgreSQL server's log.
            try (ResultSet tables = c.getMetaData().getTables(null, null, "flyway_schema_history", null)) {
                if (!tables.next()) {
                    return Optional.empty();
                }
            }
            return applied(c);
        } catch (SQLException | RuntimeException e) {
            // A store this check cannot read: Flyway decides.
            return Optional.empty();
        }
    }

    private static Optional<Set<String>> applied(Connection c) throws SQLException {
        Set<String> versions = new HashSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history"
                     + " WHERE version IS NOT NULL")) {
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return Optional.empty();
                }
                versions.add(normalised(rs.getString(1)));
            }
        }
        return Optional.of(versions);
    }

    /** "1_1", "1.1" and "01.1" are one version to Flyway. */
    static String normalised(String version) {
        return Stream.of(version.split("[._]")).map(part -> new BigInteger(part).toString())
                .collect(Collectors.joining("."));
    }
}
