package org.postdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

class ExitCodesTest {
    private final ExitCodes codes = new ExitCodes();

    @Test
    void aDatabaseLostDuringACommandIsUnavailableNotAnInternalError() {
        assertThat(codes.getExitCode(new DataAccessException("SQL [select 1]; store - Connection is not available",
                new SQLTransientConnectionException("store - Connection is not available")))).isEqualTo(4);
        assertThat(codes.getExitCode(new DataAccessException("SQL [insert]; I/O error",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isEqualTo(4);
        // PostgreSQL restarted under the statement; H2 closed after an internal error.
        assertThat(codes.getExitCode(new DataAccessException("SQL [update]; terminating connection",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"))))
                .isEqualTo(4);
        assertThat(codes.getExitCode(new DataAccessException("SQL [select]; closed",
                new SQLException("The database has been closed", "90098")))).isEqualTo(4);
    }

    @Test
    void otherDatabaseErrorsAreBugsAndRefusalsAreUsage() {
        assertThat(codes.getExitCode(new DataAccessException("SQL [insert]; duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isEqualTo(1);
        assertThat(codes.getExitCode(new org.postdesk.app.RefusedException("ticket 10019 does not exist")))
                .isEqualTo(2);
    }
}
