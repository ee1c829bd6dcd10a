package org.postdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.reports.ReportFixture;
import org.postdesk.store.Database;

class ReportCommandTest {
    private static final String[] WEEK = {"--from", "2026-11-23", "--to", "2026-11-29"};
    @TempDir
    Path dir;
    private CliRunner cli;

    @BeforeEach
    void fixture() throws Exception {
        cli = new CliRunner(dir);
        Files.writeString(dir.resolve("postdesk.properties"), "report.holidays=2026-11-26\n"
                + "report.first-response-target=90m\nreport.resolution-target=10h\n", java.nio.file.StandardOpenOption.APPEND);
        try (Database db = cli.openDatabase()) {
            db.inTransaction(ReportFixture::write);
        }
    }

    private CliRunner.Result run(String cmd, String... more) {
        String[] args = new String[2 + WEEK.length + more.length];
        args[0] = "report";
        args[1] = cmd;
        System.arraycopy(WEEK, 0, args, 2, WEEK.length);
        System.arraycopy(more, 0, args, 2 + WEEK.length, more.length);
        return cli.run(args);
    }

    @Test
    void summaryAsTableCsvAndJson() throws Exception {
        CliRunner.Result table = run("summary");
        assertThat(table.code()).as(table.all()).isZero();
        assertThat(table.out()).contains("opened", "first response median").containsPattern("opened\\s+6")
                .containsPattern("first response median \\(business\\)\\s+1h 45m").contains("60%");

        CliRunner.Result csv = run("summary", "--format", "csv");
        assertThat(csv.out().lines().findFirst().orElseThrow()).startsWith("group,opened,closed,reopened");
        assertThat(csv.out()).contains("total,6,5,1,1,2,6300,105480,6300,7200,97200,226800,36000,47520,0.6000,1.2000");

        JsonNode json = org.postdesk.cli.Json.mapper().readTree(run("summary", "--format", "json").out());
        assertThat(json.at("/total/opened").asLong()).isEqualTo(6);
        assertThat(json.at("/total/firstResponse/median").asDouble()).isEqualTo(6300.0);
    }

    @Test
    void summaryByDayHasOneLinePerDay() {
        CliRunner.Result r = run("summary", "--by", "day", "--format", "csv");
        assertThat(r.code()).as(r.all()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith("2026-11-"))).hasSize(7);
        assertThat(r.out()).contains("2026-11-23,2,2,0,1");
    }

    @Test
    void everyReportRunsInEveryFormat() {
        for (String report : new String[] {"summary", "agents", "categories", "arrivals", "problems", "staffing"}) {
            for (String format : new String[] {"table", "csv", "json", "html"}) {
                CliRunner.Result r = run(report, "--format", format);
                assertThat(r.code()).as(report + " " + format + ": " + r.all()).isZero();
                assertThat(r.out()).as(report + " " + format).isNotBlank();
            }
        }
    }

    @Test
    void agentsArrivalsAndStaffingShowTheFixture() {
        assertThat(run("agents").out()).containsPattern("Alice\\s+alice@example.test\\s+0\\s+4\\s+3\\s+1h 45m")
                .containsPattern("Bob\\s+bob@example.test\\s+0\\s+2\\s+2\\s+-");
        assertThat(run("arrivals").out()).contains("6 new tickets; 17% outside business hours, 17% at night");
        assertThat(run("staffing").out()).contains("Recommendation: 17 % of requests arrive between 22:00 and 06:00:"
                + " a night shift is needed").contains("The current calendar (Mon–Fri 09–18, 45 h a week)");
        assertThat(run("problems").out()).contains("printing").containsPattern("subject\\s+jammed printer\\s+2\\s+2");
    }

    @Test
    void ticketsLinkedByHandFormOneProblem() {
        String before = run("problems").out();
        assertThat(before).doesNotContain("10035 10043");
        CliRunner.Result link = cli.run("ticket", "link", "10035", "10043");
        assertThat(link.code()).as(link.all()).isZero();
        assertThat(link.out()).contains("tickets 10035 and 10043 linked");
        assertThat(cli.run("ticket", "link", "10043", "10035").out()).contains("were linked already");
        assertThat(cli.run("ticket", "link", "10035", "10035").err()).contains("cannot be linked to itself");
        assertThat(run("problems").out()).containsPattern("subject\\s+.*10035 10043");
        assertThat(cli.run("ticket", "show", "10043").out()).contains("linked to ticket 10035");
    }

    @Test
    void wrongOptionsSayWhatIsAllowed() {
        assertThat(run("summary", "--by", "year").err()).contains("--by 'year' is not a grouping: use day, week");
        assertThat(run("summary", "--format", "pdf").err()).contains("use table, csv, json or html");
        assertThat(run("summary", "--mailbox", "nope").err()).contains("mailbox nope does not exist");
        assertThat(cli.run("report", "summary", "--from", "2026-11-29", "--to", "2026-11-23").err())
                .contains("is before --from");
    }
}
