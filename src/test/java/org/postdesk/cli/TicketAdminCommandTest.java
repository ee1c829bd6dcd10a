package org.postdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.store.Database;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.NewMessage;
import org.postdesk.store.NewTicket;
import org.postdesk.store.TicketRepository;
import org.postdesk.tickets.TicketNumber;

class TicketAdminCommandTest {
    @TempDir
    Path dir;
    CliRunner cli;
    long mailboxId;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliRunner(dir).env("USER", "alice");
        try (Database db = cli.openDatabase()) {
            mailboxId = new MailboxRepository(db.dsl()).add(new NewMailbox("support", "support@example.test",
                    "imap://support@localhost/INBOX", "smtp://localhost", "x", null, null, false, null, "Support",
                    "en")).id();
        }
    }

    private String ticket(String messageId) {
        try (Database db = cli.openDatabase()) {
            TicketRepository tickets = new TicketRepository(db.dsl());
            TicketNumber n = tickets.nextNumber();
            long id = tickets.insert(new NewTicket(n, mailboxId, "Printer", "ann@example.com", "Ann", "en", null,
                    Instant.now()));
            tickets.addParticipant(id, "ann@example.com", "REQUESTER");
            new MessageRepository(db.dsl()).insert(new NewMessage(id, mailboxId, NewMessage.Direction.IN, "CUSTOMER",
                    messageId, messageId, null, "", "ann@example.com", "Ann", "support@example.test", "", "Printer",
                    null, Instant.now(), "it is broken", null, null, null, 1L));
            return n.toString();
        }
    }

    private JsonNode show(String number) throws IOException {
        CliRunner.Result r = cli.run("ticket", "show", number, "--json");
        assertThat(r.code()).as(r.all()).isZero();
        return Json.mapper().readTree(r.out());
    }

    private CliRunner.Result ok(String... args) {
        CliRunner.Result r = cli.run(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.all()).isZero();
        return r;
    }

    @Test
    void closeAndReopenAreAuditedAndIdempotent() throws IOException {
        String n = ticket("<a@x>");
        assertThat(ok("ticket", "close", n).out()).contains("ticket " + n + " closed");
        assertThat(show(n).get("status").asText()).isEqualTo("CLOSED");
        assertThat(ok("ticket", "close", n).out()).contains("already closed");
        assertThat(ok("ticket", "reopen", n).out()).contains("reopened");
        JsonNode t = show(n);
        assertThat(t.get("status").asText()).isEqualTo("OPEN");
        assertThat(t.get("events").findValuesAsText("type")).containsSubsequence("CLOSED", "REOPENED");
        assertThat(t.get("events").findValuesAsText("actor")).contains("admin:alice");
        assertThat(ok("ticket", "reopen", n).out()).contains("not closed");
        CliRunner.Result typo = cli.run("ticket", "close", "10010");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("check digit");
    }

    @Test
    void noteFromFileOrStdinIsStoredAsInternalNote() throws IOException {
        String n = ticket("<a@x>");
        Path note = Files.writeString(dir.resolve("note.txt"), "Called Ann, fixed the toner.\n");
        assertThat(ok("ticket", "note", n, "--file", note.toString()).out()).contains("note added to ticket " + n);
        assertThat(cli.runWithStdin("Second note\n", "ticket", "note", n, "--file", "-").code()).isZero();
        JsonNode t = show(n);
        assertThat(t.get("messages").findValuesAsText("direction")).containsExactly("IN", "NOTE", "NOTE");
        assertThat(t.get("messages").get(1).get("text").asText()).contains("Called Ann");
        assertThat(t.get("events").findValuesAsText("type")).containsExactly("NOTE", "NOTE");
        Path empty = Files.writeString(dir.resolve("empty.txt"), "  \n");
        CliRunner.Result r = cli.run("ticket", "note", n, "--file", empty.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is empty");
    }

    @Test
    void mergeMovesTheConversationAndClosesTheMergedTicket() throws IOException {
        String survivor = ticket("<first@x>");
        String merged = ticket("<second@x>");
        CliRunner.Result r = ok("ticket", "merge", merged, "--into", survivor);
        assertThat(r.out()).contains("ticket " + merged + " merged into " + survivor + ": 1 message(s) moved");

        JsonNode s = show(survivor);
        assertThat(s.get("messages")).hasSize(2);
        assertThat(s.get("events").findValuesAsText("type")).contains("MERGED");
        JsonNode m = show(merged);
        assertThat(m.get("status").asText()).isEqualTo("CLOSED");
        assertThat(m.get("messages")).isEmpty();
        assertThat(m.get("events").findValuesAsText("type")).containsExactly("MERGED_INTO");

        CliRunner.Result again = cli.run("ticket", "merge", merged, "--into", survivor);
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("was merged into " + survivor);
        assertThat(cli.run("ticket", "reopen", merged).err()).contains("reopen ticket " + survivor + " instead");
        assertThat(cli.run("ticket", "merge", survivor, "--into", survivor).err()).contains("into itself");
    }
}
