package org.postdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

class MemoryFailuresTest {
    /** The messages stored in this "JVM": shared by the workers of one test, not with the rest of the suite. */
    private final AtomicLong stored = new AtomicLong();

    @Test
    void onAHeapThatStaysFullAMessageIsNeverGivenUp() {
        MemoryFailures failures = new MemoryFailures(() -> false, stored);
        for (int i = 0; i < 20; i++) {
            assertThat(failures.failed("1/7")).as("failure " + (i + 1)).isFalse();
        }
        assertThat(failures.times("1/7")).isEqualTo(20);
    }

    @Test
    void theThirdFailureOnAHealthyHeapGivesTheMessageUp() {
        MemoryFailures failures = new MemoryFailures(() -> true, stored);
        assertThat(failures.failed("1/7")).isFalse();
        assertThat(failures.failed("1/7")).isFalse();
        assertThat(failures.failed("1/7")).isTrue();
    }

    @Test
    void anotherMessageStoredSinceTheFirstFailureShowsTheHeapServesOtherWork() {
        MemoryFailures failures = new MemoryFailures(() -> false, stored);
        failures.failed("1/7");
        failures.failed("1/7");
        new MemoryFailures(() -> false, stored).stored("1/8"); // another worker of this JVM stored a message
        assertThat(failures.failed("1/7")).isTrue();
    }

    @Test
    void aMessageStoredStartsItsCountAgain() {
        MemoryFailures failures = new MemoryFailures(() -> true, stored);
        failures.failed("1/7");
        failures.failed("1/7");
        failures.stored("1/7");
        assertThat(failures.times("1/7")).isZero();
        assertThat(failures.failed("1/7")).isFalse();
    }

    @Test
    void aBatchThatRanOutOfMemoryCountsOnceForEachOfItsMessagesAndStoresThemAloneUntilStored() {
        MemoryFailures failures = new MemoryFailures(() -> true, stored);
        failures.failedInBatch(java.util.List.of("1/7", "1/8"));
        assertThat(failures.alone("1/7")).isTrue();
        assertThat(failures.alone("1/8")).isTrue();
        failures.stored("1/8"); // the innocent one, stored alone: its count and its solitude end
        assertThat(failures.alone("1/8")).isFalse();
        assertThat(failures.times("1/8")).isZero();
        // The culprit fails alone twice more: given up at its third failure, as if it had never been in a batch.
        assertThat(failures.failed("1/7")).isFalse();
        assertThat(failures.failed("1/7")).isTrue();
        assertThat(failures.alone("9/9")).isFalse();
        failures.failed("9/9"); // out of memory alone: alone again at its next reading too
        assertThat(failures.alone("9/9")).isTrue();
    }

    @Test
    void anOutOfMemoryErrorIsFoundWhereJooqAndH2WrapIt() {
        Throwable wrapped = new DataAccessException("Cannot commit transaction",
                new SQLException("General error", new IllegalStateException("store", new OutOfMemoryError("x"))));
        assertThat(MemoryFailures.outOfMemory(wrapped)).isTrue();
        assertThat(MemoryFailures.outOfMemory(new DataAccessException("constraint", new SQLException("dup")))).isFalse();
    }
}
