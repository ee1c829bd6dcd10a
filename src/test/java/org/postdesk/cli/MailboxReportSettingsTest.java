package org.postdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postdesk.store.Database;
import org.postdesk.store.DigestRepository;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.SurveyRepository;
import org.postdesk.store.TierRepository;

/** {@code postdesk mailbox set --survey/--survey-scale/--digest/--team-lead} (issue 12). */
class MailboxReportSettingsTest {
    @TempDir
    Path dir;
    CliRunner cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliRunner(dir).env("IMAP_PW", "pw");
        CliRunner.Result added = cli.run("mailbox", "add", "support", "--address", "support@example.com", "--imap",
                "imaps://support%40example.com@mail.example.com", "--smtp", "smtp+starttls://mail.example.com",
                "--password-env", "IMAP_PW");
        assertThat(added.code()).as(added.all()).isZero();
        assertThat(cli.run("agent", "add", "lea@example.com", "--name", "Lea Lead", "--mailbox", "support").code())
                .isZero();
    }

    @Test
    void surveyDigestAndTeamLeadAreSetShownAndKept() {
        CliRunner.Result set = cli.run("mailbox", "set", "support", "--survey", "on", "--survey-scale", "good-bad",
                "--team-lead", "lea@example.com", "--digest", "Friday 17:30");
        assertThat(set.code()).as(set.all()).isZero();
        assertThat(set.out()).contains("survey on, scale good-bad", "team lead Lea Lead <lea@example.com>",
                "weekly digest FRI 17:30");
        try (Database db = cli.openDatabase()) {
            long id = new MailboxRepository(db.dsl()).byName("support").orElseThrow().id();
            assertThat(new SurveyRepository(db.dsl()).scaleIfEnabled(id)).contains("good-bad");
            assertThat(new DigestRepository(db.dsl()).schedule(id)).isEqualTo("FRI 17:30");
            assertThat(new TierRepository(db.dsl()).teamLead(id)).isPresent();
        }
        CliRunner.Result show = cli.run("mailbox", "show", "support");
        assertThat(show.out()).contains("on, scale good-bad", "FRI 17:30", "Lea Lead <lea@example.com>");

        assertThat(cli.run("mailbox", "set", "support", "--survey", "off", "--digest", "off", "--team-lead", "none")
                .code()).isZero();
        assertThat(cli.run("mailbox", "show", "support").out()).contains("off (scale good-bad)", "none");
    }

    @Test
    void aDigestWithoutTeamLeadIsSetWithAWarning() {
        CliRunner.Result set = cli.run("mailbox", "set", "support", "--digest", "mon 08:00");
        assertThat(set.code()).as(set.all()).isZero();
        assertThat(set.out()).contains("weekly digest MON 08:00 (WARNING: no team lead");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--survey|yes|--survey yes: expected on or off",
            "--survey-scale|10|--survey-scale 10: expected 5",
            "--digest|monday|--digest 'monday': expected a weekday and a time",
            "--digest|mon 25:00|expected a weekday and a time",
            "--team-lead|nobody@example.com|no agent nobody@example.com"})
    void aBadValueChangesNothingAndExitsWithTwo(String option, String value, String message) {
        String[] valid = option.equals("--survey") ? new String[] {"--survey-scale", "good-bad"}
                : new String[] {"--survey", "on"};
        CliRunner.Result r = cli.run("mailbox", "set", "support", valid[0], valid[1], option, value);
        assertThat(r.code()).as(r.all()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        try (Database db = cli.openDatabase()) {
            long id = new MailboxRepository(db.dsl()).byName("support").orElseThrow().id();
            assertThat(new SurveyRepository(db.dsl()).scaleIfEnabled(id)).isEmpty();
            assertThat(new SurveyRepository(db.dsl()).scale(id)).isEqualTo("5");
        }
    }
}
