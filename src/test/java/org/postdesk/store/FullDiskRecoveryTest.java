package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.postdesk.store.db.Tables.TICKET;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded H2 store whose disk filled up: H2 closes the database on the failed write, and once there is space
 * again every user of the store must get working connections by itself — not only the mailbox worker, which
 * replaced the pool's connections when a message failed, but the outbox senders and the daemon's timers too.
 * scripts/chaos-test found it: after the disk of a daemon with an idle mailbox was full for 15 s, its senders
 * failed "The database has been closed" every 5 s for good, and the queued acknowledgements waited for the next
 * customer mail to arrive.
 */
class FullDiskRecoveryTest {
    // The pool replaces its connections as they come back; under load that took 15-35 s here.
    private static final Duration WAIT = Duration.ofMinutes(2);

    @BeforeAll
    static void fileSystem() {
        FullDiskPath.register();
    }

    @Test
    void aStoreClosedByAFullDiskWorksAgainOnceThereIsSpaceWithoutAnyoneReopeningIt(@TempDir Path dir)
            throws Exception {
        String url = "jdbc:h2:" + FullDiskPath.SCHEME + ":" + dir.resolve("postdesk").toAbsolutePath();
        try (Database db = Database.open(new DbSettings(url, "sa", "", 2))) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            StoreFixtures.ticket(db.dsl(), mailbox, "before@example.test");

            Path full = Files.createFile(dir.resolve("full"));
            assertThatThrownBy(() -> StoreFixtures.ticket(db.dsl(), mailbox, "lost@example.test"))
                    .as("a write on a full disk fails").isInstanceOf(RuntimeException.class);
            Files.delete(full);

            until("the store takes writes again", () -> {
                try {
                    db.inTransactionRun(tx -> StoreFixtures.ticket(tx, mailbox, "after@example.test"));
                    return true;
                } catch (RuntimeException e) {
                    return false;
                }
            });
            assertThat(db.dsl().fetch(TICKET).getValues(TICKET.REQUESTER))
                    .contains("before@example.test", "after@example.test");
        }
    }

    private static void until(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
            }
            Thread.sleep(100); // polling a condition, not a synchronisation
        }
    }
}
