package org.postdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.store.Database;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MessageFailure;
import org.postdesk.store.MessageFailureRepository;
import org.postdesk.store.NewFailure;

/** {@code mailbox show} lists the quarantined messages and counts those still failing (docs/ARCHITECTURE.md, "Bad mail"). */
class MailboxBadMailTest {
    @TempDir
    Path dir;

    @Test
    void showListsQuarantinedMessagesAndCountsTheFailingOnes() throws Exception {
        CliRunner cli = new CliRunner(dir).env("IMAP_PW", "secret");
        CliRunner.Result added = cli.run("mailbox", "add", "support", "--address", "support@example.com",
                "--imap", "imaps://support%40example.com@mail.example.com", "--smtp", "smtp+starttls://mail.example.com",
                "--password-env", "IMAP_PW");
        assertEquals(0, added.code(), added.all());
        assertTrue(cli.run("mailbox", "show", "support").out().contains("quarantined:   none"));

        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        try (Database db = cli.openDatabase()) {
            long id = new MailboxRepository(db.dsl()).byName("support").orElseThrow().id();
            MessageFailureRepository repo = new MessageFailureRepository(db.dsl());
            MessageFailure poison = null;
            for (int i = 0; i < 3; i++) {
                poison = repo.record(new NewFailure(id, "aa", 7L, "<poison@example.com>", "sig", "IllegalStateException:"
                        + " simulated bug", at));
            }
            repo.quarantine(poison.id(), null, at);
            repo.record(new NewFailure(id, "bb", 8L, null, "sig", "AssertionError", at));
        }

        CliRunner.Result show = cli.run("mailbox", "show", "support");
        assertEquals(0, show.code(), show.all());
        assertTrue(show.out().contains("quarantined:   1 (1 more failed and will be read again)"), show.out());
        assertTrue(show.out().contains("no ticket, uid 7, <poison@example.com>, 3 failures, 2026-12-01")
                && show.out().contains("IllegalStateException: simulated bug"), show.out());

        JsonNode json = Json.mapper().readTree(cli.run("mailbox", "show", "support", "--json").out());
        assertEquals(1, json.get("badMail").get("quarantined").asInt());
        assertEquals(1, json.get("badMail").get("retrying").asInt());
        assertEquals("<poison@example.com>", json.get("badMail").get("latest").get(0).get("messageId").asText());
    }
}
