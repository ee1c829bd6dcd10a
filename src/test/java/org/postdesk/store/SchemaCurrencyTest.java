package org.postdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Opening a store skips Flyway only when every shipped migration is applied (issue 16), on H2 and PostgreSQL;
 * a store behind, new, or with a failed migration still gets Flyway.
 */
class SchemaCurrencyTest {

    private static DbSettings fresh(TestDatabases.Kind kind) {
        return kind == TestDatabases.Kind.H2
                ? new DbSettings("jdbc:h2:mem:c" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1",
                        "sa", "", 2)
                : TestDatabases.postgresSettings();
    }

    private static HikariDataSource pool(DbSettings settings) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(Database.jdbcUrl(settings));
        ds.setUsername(settings.user());
        ds.setPassword(settings.password());
        ds.setMaximumPoolSize(2);
        return ds;
    }

    private static String newest() {
        return SchemaCurrency.shippedVersions(Database.class.getClassLoader()).orElseThrow().stream()
                .max((a, b) -> new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b))).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aMigratedStoreIsCurrentAndANewOneIsNot(TestDatabases.Kind kind) {
        DbSettings settings = fresh(kind);
        try (HikariDataSource ds = pool(settings)) {
            assertFalse(SchemaCurrency.isCurrent(ds), "no history table yet");
            try (Database db = Database.open(settings)) {
                assertTrue(SchemaCurrency.isCurrent(db.dataSource()));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aStoreBehindIsMigratedByFlywayAtOpen(TestDatabases.Kind kind) {
        DbSettings settings = fresh(kind);
        try (HikariDataSource ds = pool(settings)) {
            Flyway.configure().dataSource(ds).locations("classpath:" + SchemaCurrency.LOCATION).target("1").load()
                    .migrate();
            assertFalse(SchemaCurrency.isCurrent(ds), "only V1 applied");
            try (Database db = Database.open(settings)) {
                assertTrue(SchemaCurrency.isCurrent(db.dataSource()));
                assertEquals(1, db.dsl().fetchCount(db.dsl().selectOne().from("flyway_schema_history")
                        .where("version = ?", newest())), "the newest migration was applied at open");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aFailedMigrationInTheHistoryIsNotCurrent(TestDatabases.Kind kind) {
        DbSettings settings = fresh(kind);
        try (Database db = Database.open(settings)) {
            db.dsl().execute("UPDATE flyway_schema_history SET success = FALSE WHERE version = ?", newest());
            assertFalse(SchemaCurrency.isCurrent(db.dataSource()));
        }
    }

    /**
     * The evidence that a current store's open does not run Flyway: Flyway's validation would refuse a changed
     * checksum of an applied migration, and the open goes through. (The trade-off the class documents.)
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void openingACurrentStoreDoesNotRunFlyway(TestDatabases.Kind kind) {
        DbSettings settings = fresh(kind);
        try (Database db = Database.open(settings)) {
            db.dsl().execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");
        }
        try (Database db = Database.open(settings)) {
            assertTrue(db.dsl().fetchCount(db.dsl().selectOne().from("mailbox")) >= 0);
        }
    }

    @Test
    void versionsAreNormalisedAsFlywayCompares() {
        assertEquals("1.1", SchemaCurrency.normalised("1_1"));
        assertEquals("1.1", SchemaCurrency.normalised("01.1"));
        assertEquals("28", SchemaCurrency.normalised("28"));
    }

    @Test
    void migrationsAreListedFromAJar(@TempDir Path dir) throws IOException {
        Path jar = jar(dir.resolve("m.jar"), "V1__first.sql", "V2_1__second.sql");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertEquals(Optional.of(Set.of("1", "2.1")), SchemaCurrency.shippedVersions(loader));
        }
    }

    @Test
    void aMigrationThisCheckDoesNotKnowLeavesItToFlyway(@TempDir Path dir) throws IOException {
        Path jar = jar(dir.resolve("r.jar"), "V1__first.sql", "R__views.sql");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertEquals(Optional.empty(), SchemaCurrency.shippedVersions(loader));
        }
    }

    @Test
    void theShippedMigrationsAreListedFromTheBuild() {
        Set<String> shipped = SchemaCurrency.shippedVersions(Database.class.getClassLoader()).orElseThrow();
        assertTrue(shipped.contains("1") && shipped.contains("28"), shipped.toString());
    }

    private static Path jar(Path file, String... migrations) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry(SchemaCurrency.LOCATION + "/"));
            for (String m : migrations) {
                jar.putNextEntry(new JarEntry(SchemaCurrency.LOCATION + "/" + m));
                jar.write("SELECT 1;\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
        return file;
    }
}
