package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.postdesk.store.Database;
import org.postdesk.store.StoreUnavailableException;

class StoreAtStartTest {
    private final List<Duration> pauses = new ArrayList<>();

    private static StoreUnavailableException failure(Throwable cause) {
        return new StoreUnavailableException("database jdbc:postgresql://db/postdesk: cannot open or migrate", cause);
    }

    /** Hikari's timeout wraps the driver's last error, as Flyway sees it. */
    private static Throwable pool(SQLException driver) {
        return new RuntimeException("Unable to obtain connection from database", new SQLTransientConnectionException(
                "store - Connection is not available, request timed out after 30000ms", driver));
    }

    private Supplier<Database> failingThenOpening(int failures, Throwable cause) {
        int[] calls = {0};
        return () -> {
            if (calls[0]++ < failures) {
                throw failure(cause);
            }
            return null; // stands for the opened store
        };
    }

    @Test
    void aServerThatIsDownOrClosingIsWaitedForWithADoublingCappedDelay() {
        Supplier<Database> open = failingThenOpening(5, pool(new SQLException("Connection refused", "08001",
                new ConnectException("Connection refused"))));

        StoreAtStart.open(open, Duration.ofSeconds(5), pauses::add);

        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void anEmbeddedFileWhoseServingProcessIsClosingIsAnOutage() {
        SQLException closed = new SQLException("Database is already closed (to disable automatic closing at VM"
                + " shutdown, add \";DB_CLOSE_ON_EXIT=FALSE\" to the db URL)", "90121");
        assertThat(failure(new RuntimeException(closed)).isOutage()).isTrue();
        assertThat(failure(new SQLException("Connection is broken", "90067")).isOutage()).isTrue();
        assertThat(failure(new SQLException("the database system is starting up", "57P03")).isOutage()).isTrue();
    }

    @Test
    void aRefusalWaitingCannotFixEndsStartUpAtOnce() {
        for (SQLException refusal : List.of(
                new SQLException("password authentication failed for user \"postdesk\"", "28P01"),
                new SQLException("Wrong user name or password", "28000"),
                new SQLException("database \"postdesk\" does not exist", "3D000"),
                new SQLException("Syntax error in SQL statement", "42001"))) {
            pauses.clear();
            StoreUnavailableException e = failure(pool(refusal));
            assertThatThrownBy(() -> StoreAtStart.open(() -> {
                throw e;
            }, Duration.ofMinutes(5), pauses::add)).as(refusal.getMessage()).isSameAs(e);
            assertThat(pauses).as(refusal.getMessage()).isEmpty();
        }
    }
}
