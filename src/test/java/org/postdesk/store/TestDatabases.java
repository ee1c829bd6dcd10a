package org.postdesk.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh, migrated databases for tests: an in-memory H2 each call, or a new database inside one
 * embedded PostgreSQL that is started once per JVM (starting it takes seconds).
 */
public final class TestDatabases {
    private static final AtomicInteger counter = new AtomicInteger();

    private TestDatabases() {
    }

    public enum Kind { H2, POSTGRES }

    private static final int POOL_SIZE = 8;

    public static Database open(Kind kind) {
        return open(kind, POOL_SIZE);
    }

    /** A fresh database whose pool holds {@code poolSize} connections. */
    public static Database open(Kind kind, int poolSize) {
        return kind == Kind.H2 ? h2(poolSize) : postgres(poolSize);
    }

    /** A fresh database (pool of the usual size) with {@code listeners} installed, e.g. to count its statements. */
    public static Database open(Kind kind, Database.StoreListeners listeners) {
        DbSettings settings = kind == Kind.H2 ? h2Settings() : postgresSettings(POOL_SIZE);
        return Database.open(settings, listeners);
    }

    public static Database h2() {
        return h2(POOL_SIZE);
    }

    private static Database h2(int poolSize) {
        DbSettings fresh = h2Settings();
        return Database.open(new DbSettings(fresh.url(), fresh.user(), fresh.password(), poolSize));
    }

    private static DbSettings h2Settings() {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        return new DbSettings("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", POOL_SIZE);
    }

    public static Database postgres() {
        return postgres(POOL_SIZE);
    }

    private static Database postgres(int poolSize) {
        return Database.open(postgresSettings(poolSize));
    }

    /** A new, empty database in the embedded PostgreSQL, for a test that opens it itself (or in another JVM). */
    public static DbSettings postgresSettings() {
        return postgresSettings(POOL_SIZE);
    }

    private static DbSettings postgresSettings(int poolSize) {
        String name = "t" + counter.incrementAndGet() + "_" + ProcessHandle.current().pid();
        EmbeddedPostgres pg = PostgresHolder.INSTANCE;
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new DbSettings(pg.getJdbcUrl("postgres", name), "postgres", null, poolSize);
    }

    /** The lazy JVM-wide server; closed by the JVM's shutdown. */
    private static final class PostgresHolder {
        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> close(pg), "embedded-pg-stop"));
                return pg;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
        }

        private static void close(EmbeddedPostgres pg) {
            try {
                pg.close();
            } catch (IOException e) {
                // the JVM is exiting; nothing left to clean up
            }
        }
    }
}
