package org.postdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.store.DaemonInfo;
import org.postdesk.store.DaemonRegistry;
import org.postdesk.store.Database;

class StoreCompactCommandTest {
    @TempDir
    Path dir;

    private CliRunner cli;
    private Path file;

    @BeforeEach
    void storeWithChurn() throws Exception {
        cli = new CliRunner(dir);
        CliRunner.Result added = cli.addSupportMailbox();
        assertThat(added.code()).as(added.all()).isZero();
        file = dir.resolve("db/postdesk.mv.db");
        // Many small commits, as a busy daemon makes them: each writes a chunk, and within H2's 45 s retention the
        // space of the old ones is not reused, so the file grows well past its data.
        try (Database db = cli.openDatabase()) {
            db.dsl().execute("CREATE TABLE churn (id INT PRIMARY KEY, payload VARCHAR(2000))");
            for (int i = 0; i < 1500; i++) {
                int n = i;
                db.inTransaction(tx -> tx.execute("MERGE INTO churn KEY (id) VALUES (?, ?)", n % 50, "x".repeat(1500)));
            }
        }
    }

    @Test
    void compactShrinksTheFileAndKeepsTheData() throws Exception {
        long before = Files.size(file);

        CliRunner.Result compacted = cli.run("store", "compact");

        assertThat(compacted.code()).as(compacted.all()).isZero();
        assertThat(compacted.out()).contains("compacted " + file);
        long after = Files.size(file);
        assertThat(after).as("bytes after compaction (before: %d)", before).isLessThan(before / 2);
        CliRunner.Result list = cli.run("mailbox", "list");
        assertThat(list.code()).as(list.all()).isZero();
        assertThat(list.out()).contains("support");
    }

    @Test
    void aLiveDaemonStopsItWithNothingChanged() throws Exception {
        try (Database db = cli.openDatabase()) {
            Instant now = Instant.now();
            new DaemonRegistry(db.dsl()).register(new DaemonInfo("d1", "mail1", 4242, now, now));
        }
        long before = Files.size(file);

        CliRunner.Result refused = cli.run("store", "compact");

        assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("nothing compacted").contains("mail1 pid 4242").contains("stop the daemon");
        assertThat(Files.size(file)).as("not compacted").isGreaterThanOrEqualTo(before);
    }

    @Test
    void postgresqlIsNotCompactedHere() {
        CliRunner.Result refused = cli.env("POSTDESK_DB_URL", "jdbc:postgresql://db.example.test/postdesk")
                .run("store", "compact");
        assertThat(refused.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("autovacuum");
    }
}
