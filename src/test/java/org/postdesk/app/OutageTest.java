package org.postdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

/** Running out of memory, a closed database or a lost connection is an outage, never a bad message. */
class OutageTest {

    @Test
    void outOfMemoryWrappedByJooqIsAnOutage() {
        assertThat(StoreFailures.isConnectivity(new DataAccessException("SQL [insert ...]",
                new OutOfMemoryError("Java heap space")))).isTrue();
    }

    @Test
    void aClosedH2DatabaseIsAnOutageThatReopensTheDatabase() {
        SQLException closed = new SQLException("The database has been closed [90098-252]", "90098", 90098);
        DataAccessException wrapped = new DataAccessException("SQL [select ...]", closed);
        assertThat(StoreFailures.isConnectivity(wrapped)).isTrue();
        assertThat(StoreFailures.closedDatabase(wrapped)).isTrue();
        assertThat(StoreFailures.isConnectivity(new DataAccessException("x",
                new SQLException("Database is already closed (to disable automatic closing ...)", "90121")))).isTrue();
    }

    @Test
    void aLostConnectionIsAnOutageAndABadValueIsNot() {
        assertThat(StoreFailures.isConnectivity(new DataAccessException("x",
                new java.net.SocketException("Connection reset")))).isTrue();
        assertThat(StoreFailures.isConnectivity(new DataAccessException("x",
                new SQLException("value too long for type character varying(255)", "22001")))).isFalse();
        assertThat(StoreFailures.closedDatabase(new DataAccessException("x",
                new SQLException("value too long", "22001")))).isFalse();
    }

    @Test
    void postgresEndingTheSessionAndH2LosingItsServerAreOutagesAsForTheCommandLine() {
        assertThat(StoreFailures.isConnectivity(new DataAccessException("x",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(StoreFailures.isConnectivity(new DataAccessException("x",
                new SQLException("the database system is starting up", "57P03")))).isTrue();
        assertThat(StoreFailures.isConnectivity(new DataAccessException("x",
                new SQLException("Connection is broken: \"session closed\" [90067-232]", "90067")))).isTrue();
    }
}
