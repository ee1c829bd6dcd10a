package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL restart ends every pooled session at once. After the first statement that meets a dead session,
 * the pool must hand out only live connections: before {@link LostStoreRecovery} covered PostgreSQL, the pool
 * dropped only the connection that failed and handed out its dead siblings, so the next reads failed too (the CI
 * run that failed DatabaseLostMidMessageTest one time in about thirty).
 */
class LostSessionsRecoveryTest {
    private static final int POOL = 4;

    @Test
    void afterTheFirstStatementMeetsATerminatedSessionEveryConnectionThePoolHandsOutIsAlive() throws Exception {
        DbSettings base = TestDatabases.postgresSettings();
        DbSettings settings = new DbSettings(base.url(), base.user(), base.password(), POOL);
        try (Database db = Database.open(settings)) {
            fillThePool(db);
            terminateTheStoresSessions(settings);

            Throwable first = catchThrowable(() -> db.dsl().fetchValue("select 1"));
            assertThat(DatabaseFailures.lostTheDatabase(first)).as("the first statement meets a dead session: %s",
                    first).isTrue();

            List<Connection> held = new ArrayList<>();
            try {
                for (int i = 0; i < POOL; i++) {
                    Connection c = db.dataSource().getConnection();
                    held.add(c);
                    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select 1")) {
                        assertThat(r.next()).isTrue();
                    }
                }
            } finally {
                for (Connection c : held) {
                    c.close();
                }
            }
        }
    }

    /** Opens all {@link #POOL} connections at once and returns them, so the pool holds that many idle sessions. */
    private static void fillThePool(Database db) throws SQLException {
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            Connection c = db.dataSource().getConnection();
            try (Statement s = c.createStatement()) {
                s.execute("select 1");
            }
            held.add(c);
        }
        for (Connection c : held) {
            c.close();
        }
    }

    private static void terminateTheStoresSessions(DbSettings settings) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(pg_terminate_backend(pid, 10000)) FROM pg_stat_activity"
                     + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getInt(1)).as("sessions terminated").isGreaterThanOrEqualTo(POOL);
        }
    }
}
