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
import java.util.List;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.Database;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.OutboxItem;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.NewAgent;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.NewMessage;
import org.postdesk.store.NewTicket;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
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
        return ticket(messageId, "it is broken");
    }

    private String ticket(String messageId, String body) {
        try (Database db = cli.openDatabase()) {
            TicketRepository tickets = new TicketRepository(db.dsl());
            TicketNumber n = tickets.nextNumber();
            long id = tickets.insert(new NewTicket(n, mailboxId, "Printer", "ann@example.com", "Ann", "en", null,
                    Instant.now()));
            tickets.addParticipant(id, "ann@example.com", "REQUESTER");
            new MessageRepository(db.dsl()).insert(new NewMessage(id, mailboxId, NewMessage.Direction.IN, "CUSTOMER",
                    messageId, messageId, null, "", "ann@example.com", "Ann", "support@example.test", "", "Printer",
                    null, Instant.now(), body, null, null, null, 1L));
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
    void showMarksTheQuotedPartOfACustomersMail() throws IOException {
        String n = ticket("<a@x>", "The serial is XK-42.\n\nOn Mon, 23 Nov 2026 at 11:00, Support <s@example.test> wrote:\n"
                + "> Which model is it?\n> --\n> Bob\n");
        String out = ok("ticket", "show", n).out();
        assertThat(out).contains("\nThe serial is XK-42.\n\n  | On Mon, 23 Nov 2026 at 11:00, Support <s@example.test> wrote:\n"
                + "  | > Which model is it?\n  | > --\n  | > Bob\n");
        assertThat(show(n).get("messages").get(0).get("newText").asText()).isEqualTo("The serial is XK-42.");
        assertThat(show(n).get("messages").get(0).get("text").asText()).contains("> Which model is it?");
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
        assertThat(t.get("events").findValuesAsText("type")).containsSubsequence("status", "status");
        assertThat(t.get("events").findValuesAsText("detail")).containsSubsequence(
                "NEW -> CLOSED, from the command line", "CLOSED -> OPEN, from the command line");
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
        assertThat(t.get("events").findValuesAsText("type")).containsExactly("note", "note");
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
        assertThat(s.get("events").findValuesAsText("type")).contains("merge");
        JsonNode m = show(merged);
        assertThat(m.get("status").asText()).isEqualTo("CLOSED");
        assertThat(m.get("messages")).isEmpty();
        assertThat(m.get("events").findValuesAsText("type")).containsExactly("merged-into");

        CliRunner.Result again = cli.run("ticket", "merge", merged, "--into", survivor);
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("was merged into " + survivor);
        assertThat(cli.run("ticket", "reopen", merged).err()).contains("reopen ticket " + survivor + " instead");
        assertThat(cli.run("ticket", "merge", survivor, "--into", survivor).err()).contains("into itself");
    }

    private Agent agent(String name, String address) {
        try (Database db = cli.openDatabase()) {
            return new AgentRepository(db.dsl()).add(new NewAgent(name, List.of(address), List.of(mailboxId)));
        }
    }

    private TicketRow row(String number) {
        try (Database db = cli.openDatabase()) {
            return new TicketRepository(db.dsl()).byNumber(TicketNumber.parse(number).orElseThrow()).orElseThrow();
        }
    }

    @Test
    void assignAndReleaseMoveTheTicketAndAreAudited() throws IOException {
        String n = ticket("<a@x>");
        Agent bob = agent("Bob Smith", "bob@example.test");
        Agent eve = agent("Eve Jones", "eve@example.test");

        assertThat(ok("ticket", "assign", n, "bob@example.test").out())
                .contains("ticket " + n + " assigned to Bob Smith <bob@example.test>");
        assertThat(row(n).ownerAgentId()).isEqualTo(bob.id());
        assertThat(ok("ticket", "assign", n, "BOB@example.test").out()).contains("already held by bob@example.test");
        assertThat(ok("ticket", "assign", n, String.valueOf(eve.id())).out()).contains("(was bob@example.test)");
        assertThat(row(n).ownerAgentId()).isEqualTo(eve.id());
        assertThat(ok("ticket", "release", n).out()).contains("released (was held by eve@example.test)");
        assertThat(row(n).ownerAgentId()).isNull();
        assertThat(row(n).ownerSince()).isNull();
        assertThat(ok("ticket", "release", n).out()).contains("nobody holds ticket " + n);

        JsonNode t = show(n);
        assertThat(t.get("events").findValuesAsText("type")).containsSubsequence("assign", "assign", "release");
        assertThat(t.get("events").findValuesAsText("detail")).anyMatch(d -> d.contains("to eve@example.test")
                && d.contains("was bob@example.test"));
        assertThat(t.get("events").findValuesAsText("actor")).contains("admin:alice");
    }

    @Test
    void closingFreesTheTicketFromItsOwnerAsAnAgentsCloseDoes() throws IOException {
        String n = ticket("<a@x>");
        agent("Bob Smith", "bob@example.test");
        ok("ticket", "assign", n, "bob@example.test");

        assertThat(ok("ticket", "close", n).out()).contains("ticket " + n + " closed (released from bob@example.test)");

        assertThat(row(n).ownerAgentId()).as("nobody holds a closed ticket").isNull();
        assertThat(show(n).get("events").findValuesAsText("detail")).containsSubsequence(
                "NEW -> CLOSED, from the command line", "released on close");
    }

    private List<OutboxItem> outbox(String number) {
        try (Database db = cli.openDatabase()) {
            return new OutboxRepository(db.dsl()).byTicket(row(number).id());
        }
    }

    private static String raw(OutboxItem item) {
        return new String(item.raw(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void assignMailsTheNewOwnerTheTicketAndTellsThePreviousOne() {
        String n = ticket("<a@x>");
        agent("Bob Smith", "bob@example.test");
        agent("Eve Jones", "eve@example.test");

        ok("ticket", "assign", n, "bob@example.test");
        ok("ticket", "assign", n, "eve@example.test");

        List<OutboxItem> mails = outbox(n);
        assertThat(mails).extracting(OutboxItem::kind).containsExactly("HANDOVER", "HANDOVER", "HANDOVER");
        assertThat(mails).extracting(m -> m.recipients().get(0))
                .containsExactly("bob@example.test", "eve@example.test", "bob@example.test");
        assertThat(raw(mails.get(0))).contains("Yours now:", "admin:alice assigned", "it is broken", "Ref: pd1.");
        assertThat(raw(mails.get(2))).contains("No longer yours:", "admin:alice took");
        assertThat(ok("ticket", "show", n).out()).containsPattern("Owner: +Eve Jones <eve@example.test> since ");
        assertThat(ok("ticket", "show", n, "--json").out()).contains("\"owner\" : \"Eve Jones <eve@example.test>\"");
    }

    @Test
    void releasingTellsTheMailboxsAgentsTheTicketIsFree() {
        String n = ticket("<a@x>");
        agent("Bob Smith", "bob@example.test");
        agent("Eve Jones", "eve@example.test");
        ok("ticket", "assign", n, "bob@example.test");

        ok("ticket", "release", n);

        List<OutboxItem> told = outbox(n).stream().filter(m -> raw(m).contains("Free again:")).toList();
        assertThat(told).extracting(m -> m.recipients().get(0))
                .containsExactlyInAnyOrder("bob@example.test", "eve@example.test");
        assertThat(raw(told.get(0))).contains("admin:alice released", "it is broken", "#take");
    }

    @Test
    void disablingAnAgentFreesTheirTicketsAndTellsTheTeam() throws IOException {
        String n = ticket("<a@x>");
        agent("Bob Smith", "bob@example.test");
        agent("Eve Jones", "eve@example.test");
        ok("ticket", "assign", n, "bob@example.test");

        assertThat(ok("agent", "disable", "bob@example.test").out())
                .contains("agent bob@example.test disabled; freed 1 ticket(s) they held (" + n + ")");

        assertThat(row(n).ownerAgentId()).isNull();
        OutboxItem told = outbox(n).get(outbox(n).size() - 1);
        assertThat(told.recipients()).containsExactly("eve@example.test");
        assertThat(raw(told)).contains("Free again:", "was disabled by admin:alice");
        assertThat(show(n).get("events").findValuesAsText("detail")).contains("owner bob@example.test disabled");
        assertThat(ok("agent", "disable", "eve@example.test").out()).contains("they held no open ticket");
    }

    @Test
    void assignRefusesUnknownTicketsAndAgentsAndChangesNothing() throws IOException {
        String n = ticket("<a@x>");
        Agent bob = agent("Bob Smith", "bob@example.test");
        Agent off = agent("Dave Off", "dave@example.test");
        try (Database db = cli.openDatabase()) {
            new AgentRepository(db.dsl()).setActive(off.id(), false);
        }
        int eventsBefore = show(n).get("events").size();

        CliRunner.Result noAgent = cli.run("ticket", "assign", n, "nobody@example.test");
        assertThat(noAgent.code()).as(noAgent.all()).isEqualTo(2);
        assertThat(noAgent.err()).contains("no agent nobody@example.test", "postdesk agent list");
        CliRunner.Result noId = cli.run("ticket", "assign", n, "999");
        assertThat(noId.code()).isEqualTo(2);
        CliRunner.Result disabled = cli.run("ticket", "assign", n, "dave@example.test");
        assertThat(disabled.code()).isEqualTo(2);
        assertThat(disabled.err()).contains("disabled");
        String missing = TicketNumber.fromSequence(9999).toString();
        CliRunner.Result noTicket = cli.run("ticket", "assign", missing, "bob@example.test");
        assertThat(noTicket.code()).isEqualTo(2);
        assertThat(noTicket.err()).contains("does not exist");
        CliRunner.Result typo = cli.run("ticket", "release", "10010");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).contains("check digit");
        CliRunner.Result noRelease = cli.run("ticket", "release", missing);
        assertThat(noRelease.code()).isEqualTo(2);

        assertThat(row(n).ownerAgentId()).isNull();
        assertThat(show(n).get("events").size()).isEqualTo(eventsBefore);
        assertThat(bob.active()).isTrue();
    }
}
