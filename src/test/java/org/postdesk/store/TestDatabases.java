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

    public static Database open(Kind kind) {
        return kind == Kind.H2 ? h2() : postgres();
    }

    public static Database h2() {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        return Database.open(new DbSettings("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "", 8));
    }

    public static Database postgres() {
        String name = "t" + counter.incrementAndGet() + "_" + ProcessHandle.current().pid();
        EmbeddedPostgres pg = PostgresHolder.INSTANCE;
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return Database.open(new DbSettings(pg.getJdbcUrl("postgres", name), "postgres", null, 8));
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
