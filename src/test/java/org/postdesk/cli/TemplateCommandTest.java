package org.postdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.store.Database;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.NewTicket;
import org.postdesk.store.TemplateRepository;
import org.postdesk.store.TicketRepository;
import org.postdesk.tickets.TicketNumber;

class TemplateCommandTest {
    @TempDir
    Path dir;
    CliRunner cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliRunner(dir).env("USER", "alice");
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private long changeMark() {
        try (Database db = cli.openDatabase()) {
            return new TemplateRepository(db.dsl()).changeMark();
        }
    }

    private CliRunner.Result ok(String... args) {
        CliRunner.Result r = cli.run(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.all()).isZero();
        return r;
    }

    @Test
    void listShowsEveryShippedTemplateInThreeLocalesAndJsonParsesBack() throws IOException {
        assertThat(ok("template", "list").out()).contains("NAME").contains("answers/password-reset");
        JsonNode rows = Json.mapper().readTree(ok("template", "list", "--json").out());
        assertThat(rows.findValuesAsText("name")).contains("ack", "answers/password-reset");
        assertThat(rows.findValuesAsText("locale")).contains("en", "ru", "uk");
        assertThat(rows.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(rows.get(0).get("source").asText()).isEqualTo("SHIPPED");
    }

    @Test
    void setStoresAValidFileAndShowPrintsIt() throws IOException {
        Path text = file("ack.ftl", "Subject: Got it ${t.tag}\n\nHello ${t.customerName}\n");
        Path html = file("ack.html.ftl", "<p>Hello ${t.customerName}</p>\n");
        CliRunner.Result set = ok("template", "set", "ack", "--locale", "en", "--file", text.toString(),
                "--html-file", html.toString());
        assertThat(set.out()).contains("ack (en): stored as version 2");
        assertThat(ok("template", "set", "ack", "--locale", "en", "--file", text.toString(), "--html-file",
                html.toString()).out()).contains("unchanged");

        CliRunner.Result show = ok("template", "show", "ack", "--locale", "en");
        assertThat(show.out()).startsWith("Subject: Got it ${t.tag}").contains("----- en/ack.html.ftl -----")
                .contains("<p>Hello ${t.customerName}</p>");
        JsonNode json = Json.mapper().readTree(ok("template", "show", "ack", "--version", "1", "--json").out());
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("text").asText()).contains("thank you for writing to us");
        assertThat(json.get("author").asText()).isEqualTo("postdesk");
        assertThat(cli.run("template", "show", "ack", "--version", "9").code()).isEqualTo(2);
    }

    @Test
    void invalidTemplatesAreRefusedWithLineAndColumnAndNothingIsStored() throws IOException {
        ok("template", "list");
        long before = changeMark();
        String[][] cases = {
            {"Subject: x\n\nHello ${t.customerName\n", "line 3, column"},
            {"Subject: x\n\nHello ${t.nickname}\n", "line 3, column 9"},
            {"Subject: x\n\n${'freemarker.template.utility.Execute'?new()('id')}\n", "?new"},
            {"Subject: x\n\n${t?api.class}\n", "?api"},
            {"Subject: x\n\n<#include \"/etc/passwd\">\n", "#include"},
        };
        for (String[] c : cases) {
            Path bad = file("bad.ftl", c[0]);
            CliRunner.Result r = cli.run("template", "set", "ack", "--locale", "en", "--file", bad.toString());
            assertThat(r.code()).as(r.all()).isEqualTo(2);
            assertThat(r.err()).contains("template refused, nothing was stored").contains("ack (en) text part")
                    .contains(c[1]).contains("Fix " + bad);
        }
        assertThat(changeMark()).isEqualTo(before);
        assertThat(cli.run("template", "set", "../x", "--locale", "en", "--file", "f").err())
                .contains("template name '../x' is not valid");
    }

    @Test
    void exportChangeImportHistoryRollbackRoundTrip() throws IOException {
        Path out = dir.resolve("export");
        assertThat(ok("template", "export", out.toString()).out()).contains("file(s) written to");
        assertThat(out.resolve("ru/ack.ftl")).exists();
        assertThat(out.resolve("answers/uk/password-reset.ftl")).exists();
        assertThat(cli.run("template", "export", out.toString()).code()).isEqualTo(2); // never overwrites

        Files.writeString(out.resolve("ru/ack.ftl"), "Subject: ${t.tag} принято\n\nЗаявка №${t.number}\n");
        CliRunner.Result imported = ok("template", "import", out.toString());
        assertThat(imported.out()).contains("ack (ru): stored as version 2").contains("1 stored,");

        Files.writeString(out.resolve("en/ack.ftl"), "Subject: x\n\n${t.oops}\n");
        Files.writeString(out.resolve("ru/ack.ftl"), "Subject: ${t.tag} снова\n\n${t.number}\n");
        long before = changeMark();
        CliRunner.Result refused = cli.run("template", "import", out.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("ack (en) text part, line 3").contains("nothing was stored");
        assertThat(changeMark()).isEqualTo(before);

        JsonNode history = Json.mapper().readTree(ok("template", "history", "ack", "--locale", "ru", "--json").out());
        assertThat(history.findValuesAsText("source")).containsExactly("IMPORT", "SHIPPED");
        assertThat(ok("template", "history", "ack").out()).contains("IMPORT").contains("admin:alice");

        assertThat(ok("template", "rollback", "ack", "--locale", "ru", "--to", "1").out())
                .contains("ack (ru): stored as version 3");
        assertThat(ok("template", "show", "ack", "--locale", "ru").out()).contains("Здравствуйте");
        assertThat(ok("template", "history", "ack", "--locale", "ru").out()).contains("rollback to version 1");
        CliRunner.Result missing = cli.run("template", "rollback", "ack", "--locale", "ru", "--to", "42");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("has no version 42").contains("postdesk template history ack");
    }

    @Test
    void validateReportsBrokenStoredTemplatesWithExitCode3() throws IOException {
        assertThat(ok("template", "validate").out()).contains("0 invalid");
        try (Database db = cli.openDatabase()) {
            new TemplateRepository(db.dsl()).addVersion(new org.postdesk.store.NewTemplateVersion("ack", "uk",
                    "Subject: x\n\n${t.gone}", null, "SET", null, "test", Instant.now()));
        }
        CliRunner.Result r = cli.run("template", "validate");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("INVALID  ack (uk): ack (uk) text part, line 3").contains("1 invalid");
        JsonNode json = Json.mapper().readTree(cli.run("template", "validate", "--json").out());
        assertThat(json.findValuesAsText("status")).contains("INVALID", "OK");
    }

    @Test
    void editValidatesTheDraftAndKeepsItWhenRefused() throws IOException {
        Path goodEditor = script("good-editor", "printf 'Subject: edited ${t.tag}\\n\\nHi\\n' > \"$1\"\n");
        CliRunner.Result edited = new CliRunner(dir).env("EDITOR", goodEditor.toString())
                .run("template", "edit", "ack", "--locale", "uk");
        assertThat(edited.code()).as(edited.all()).isZero();
        assertThat(edited.out()).contains("ack (uk): stored as version 2");

        Path badEditor = script("bad-editor", "printf 'Subject: x\\n\\n${t.what}\\n' > \"$1\"\n");
        long before = changeMark();
        CliRunner.Result refused = new CliRunner(dir).env("EDITOR", badEditor.toString())
                .run("template", "edit", "ack", "--locale", "uk");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("line 3, column 3").contains("Your draft is kept in ");
        String draft = refused.err().replaceAll("(?s).*Your draft is kept in (\\S+): .*", "$1");
        assertThat(Path.of(draft)).content().contains("${t.what}");
        assertThat(changeMark()).isEqualTo(before);
        Files.delete(Path.of(draft));
    }

    @Test
    void renderPrintsTheWholeMailForARealTicket() throws IOException {
        String number = ticket();
        Path html = file("ack.html.ftl", "<p>Dear ${t.customerName}</p>");
        ok("template", "set", "ack", "--locale", "ru", "--file", file("ack.ftl",
                "Subject: ${t.tag} ${t.subject}\n\nУважаемый ${t.customerName}\n").toString(),
                "--html-file", html.toString());
        CliRunner.Result r = ok("template", "render", "ack", "--ticket", number);
        assertThat(r.out()).contains("From: Support <support@example.test>").contains("To: ")
                .contains("Message-ID: <").contains("Auto-Submitted: auto-replied")
                .contains("multipart/alternative").contains("Dear &lt;Ann&gt;");
        CliRunner.Result answer = ok("template", "render", "answers/password-reset", "--ticket", number,
                "--locale", "uk");
        assertThat(answer.out()).contains("Subject: Re: [Support #" + number + "]");
        assertThat(cli.run("template", "render", "ack", "--ticket", "10010").code()).isEqualTo(2);
        assertThat(cli.run("template", "render", "nothing", "--ticket", number).err()).contains("no model");
    }

    @Test
    void anAgentNoticeRendersForTheAgentWithTheTicketsRealOwner() throws IOException {
        String number = ticket();
        CliRunner.Result nobody = ok("template", "render", "handover", "--ticket", number, "--locale", "en");
        assertThat(nobody.out()).contains("To: An agent <agent@example.test>").contains("Owner:    nobody");
        try (Database db = cli.openDatabase()) {
            long mailbox = new MailboxRepository(db.dsl()).list().get(0).id();
            new org.postdesk.store.AgentRepository(db.dsl()).add(new org.postdesk.store.NewAgent("Bob Smith",
                    List.of("bob@example.test"), List.of(mailbox)));
        }
        ok("ticket", "assign", number, "bob@example.test");
        CliRunner.Result owned = ok("template", "render", "handover", "--ticket", number, "--locale", "en");
        assertThat(owned.out()).contains("To: Bob Smith <bob@example.test>")
                .contains("Owner:    Bob Smith <bob@example.test>");
    }

    private String ticket() {
        try (Database db = cli.openDatabase()) {
            var mailbox = new MailboxRepository(db.dsl()).add(new org.postdesk.store.NewMailbox("support",
                    "support@example.test", "imap://support@localhost/INBOX", "smtp://localhost", "x", null, null,
                    false, null, "Support", "ru"));
            TicketRepository tickets = new TicketRepository(db.dsl());
            TicketNumber n = tickets.nextNumber();
            tickets.insert(new NewTicket(n, mailbox.id(), "Printer", "ann@example.com", "<Ann>", "ru", null,
                    Instant.now()));
            return n.toString();
        }
    }

    private Path script(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }
}
