package org.postdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postdesk.deadlines.SlaSync;
import org.postdesk.store.Database;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.NewTicket;
import org.postdesk.store.TicketRepository;

class SlaCommandTest {
    @TempDir
    Path dir;
    CliRunner cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliRunner(dir).env("IMAP_PW", "pw");
        ok("mailbox", "add", "support", "--address", "support@example.com", "--imap", "imap://mail.example.com",
                "--smtp", "smtp://mail.example.com", "--password-env", "IMAP_PW");
    }

    private CliRunner.Result ok(String... args) {
        CliRunner.Result r = cli.run(args);
        assertThat(r.code()).as(r.all()).isZero();
        return r;
    }

    @Test
    void hoursHolidaysAndPoliciesGiveTheDueTimesThatCheckShows() throws IOException {
        assertThat(ok("hours", "set", "support", "--weekly", "mon-fri 09:00-13:00,14:00-18:00; sat 10:00-14:00",
                "--zone", "Europe/Kyiv").out()).contains("open mon-fri 09:00-13:00,14:00-18:00; sat 10:00-14:00 (Europe/Kyiv)");
        ok("holiday", "add", "2026-03-09", "--name", "Women's Day (observed)");
        ok("sla", "set", "support", "--first-response", "4h", "--resolution", "40h");
        ok("sla", "set", "support", "--priority", "urgent", "--first-response", "30m", "--escalate-priority", "urgent");

        CliRunner.Result check = ok("hours", "check", "support", "--at", "2026-03-06T17:30");
        assertThat(check.out()).contains("state:         open", "first-response: Saturday 7 March at 13:30 (Europe/Kyiv)");
        CliRunner.Result holiday = ok("hours", "check", "support", "--at", "2026-03-09T10:00");
        assertThat(holiday.out()).contains("closed (Women's Day (observed))", "next opening:  Tuesday 10 March at 09:00");
        JsonNode urgent = Json.mapper().readTree(ok("hours", "check", "support", "--at", "2026-03-10T12:45",
                "--priority", "urgent", "--json").out());
        assertThat(urgent.get("due").get(0).get("dueAt").asText()).isEqualTo("2026-03-10T12:15:00Z");   // 12:45-13:00, lunch, 14:00-14:15 Kyiv

        assertThat(ok("sla", "list").out()).contains("default", "4 h", "40 h", "priority urgent", "30 min");
        assertThat(ok("holiday", "list").out()).contains("2026-03-09  holiday  Women's Day (observed)");
        JsonNode shown = Json.mapper().readTree(ok("hours", "show", "support", "--json").out());
        assertThat(shown.get("zone").asText()).isEqualTo("Europe/Kyiv");
        assertThat(shown.get("exceptions")).hasSize(1);
        ok("holiday", "remove", "2026-03-09");
        assertThat(ok("holiday", "list").out()).contains("no holidays");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "hours set support --weekly mon-fri_09:00-13:00,12:00-18:00 --zone Europe/Kyiv | mon 12:00-18:00 overlaps",
        "hours set support --weekly mon-fri_09:00-18:00 --zone Europe/Kiyv              | is not a time zone",
        "hours set support --weekly ; --zone UTC                                        | never open",
        "sla set support --first-response 2d                                              | days are not accepted",
        "sla set support --first-response 4h --warn-at 100                                | warn-at must be between 1 and 99",
        "hours check nosuch --at 2026-01-01T00:00                                         | no mailbox named nosuch",
        "agent set nobody@example.com --tier 3                                            | --tier 3 is not a tier",
        "sla remove support --priority urgent                                             | has no SLA policy for priority urgent",
    })
    void badInputIsRefusedWithTheReasonAndChangesNothing(String command, String message) {
        // '_' stands for a space inside one argument
        CliRunner.Result r = cli.run(java.util.Arrays.stream(command.trim().split("\\s+")).map(a -> a.replace('_', ' '))
                .toArray(String[]::new));
        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains(message);
        assertThat(ok("hours", "show", "support").out()).contains("none set");
        assertThat(ok("sla", "list").out()).contains("no SLA policies");
    }

    @Test
    void anIcsFileWithAnErrorNamesTheLineAndImportsNothing() throws IOException {
        ok("hours", "set", "support", "--weekly", "mon-fri 09:00-18:00", "--zone", "Europe/Kyiv");
        Path bad = dir.resolve("bad.ics");
        Files.writeString(bad, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261225\r\n"
                + "SUMMARY:Christmas\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2026-12-26\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");

        CliRunner.Result r = cli.run("holiday", "import", bad.toString());

        assertThat(r.code()).as(r.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("bad.ics line");
        assertThat(ok("holiday", "list").out()).contains("no holidays");

        Path good = dir.resolve("good.ics");
        Files.writeString(good, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:1\r\n"
                + "DTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20261225\r\nSUMMARY:Christmas\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        assertThat(ok("holiday", "import", good.toString()).out()).contains("imported 1 holiday(s)");
        assertThat(ok("holiday", "list").out()).contains("2026-12-25  holiday  Christmas");
    }

    @Test
    void ticketListAndShowGiveDueTimesAndStates() {
        ok("sla", "set", "support", "--first-response", "1h", "--resolution", "400h");
        String late;
        String fresh;
        try (Database db = cli.openDatabase()) {
            long mailbox = new MailboxRepository(db.dsl()).byName("support").orElseThrow().id();
            late = ticket(db, mailbox, Instant.now().minus(Duration.ofDays(2)));
            fresh = ticket(db, mailbox, Instant.now());
        }

        CliRunner.Result breaching = ok("ticket", "list", "--breaching");
        assertThat(breaching.out()).contains(late, "first-response breached").doesNotContain(fresh);
        assertThat(ok("ticket", "list", "--due-within", "2h").out()).contains(late, fresh);
        assertThat(ok("ticket", "list").out()).contains("first-response ok");
        assertThat(ok("ticket", "show", late).out()).contains("SLA first-response: breached  due", "SLA resolution: ok");
    }

    @Test
    void slaRemoveDeletesOnePolicyAndRecomputesTheOpenTickets() {
        ok("sla", "set", "support", "--first-response", "1h");
        String late;
        try (Database db = cli.openDatabase()) {
            late = ticket(db, new MailboxRepository(db.dsl()).byName("support").orElseThrow().id(),
                    Instant.now().minus(Duration.ofDays(2)));
        }
        assertThat(ok("ticket", "list", "--breaching").out()).contains(late);
        assertThat(ok("hours", "set", "support", "--weekly", "mon-sun 00:00-24:00", "--zone", "UTC").out())
                .contains("due times of 1 of 1 open ticket(s) recomputed");

        assertThat(ok("sla", "remove", "support").out())
                .contains("mailbox support: SLA policy for default removed; due times of 1 of 1 open ticket(s) recomputed");
        assertThat(ok("ticket", "list", "--breaching").out()).doesNotContain(late);
        assertThat(ok("sla", "list").out()).contains("no SLA policies");
    }

    private static String ticket(Database db, long mailbox, Instant created) {
        return db.inTransaction(tx -> {
            TicketRepository tickets = new TicketRepository(tx);
            long id = tickets.insert(new NewTicket(tickets.nextNumber(), mailbox, "printer", "ann@example.test", null,
                    "en", null, created));
            SlaSync.store(tx, id, Instant.now());
            return tickets.byId(id).orElseThrow().number().toString();
        });
    }

    @Test
    void agentSetGivesTheTierAndTheTeamLead() {
        ok("agent", "add", "eve@example.com", "--name", "Eve", "--mailbox", "support");

        assertThat(ok("agent", "set", "eve@example.com", "--tier", "2", "--lead-of", "support").out())
                .contains("agent eve@example.com: tier 2 (second line), team lead of support");
    }
}
