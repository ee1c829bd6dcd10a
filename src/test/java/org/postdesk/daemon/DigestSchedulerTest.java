package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.postdesk.store.db.Tables.OUTBOX;
import static org.postdesk.store.db.Tables.REPORT_DIGEST;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.config.ConfigLoader;
import org.postdesk.config.PostdeskConfig;
import org.postdesk.mail.MimeComposer;
import org.postdesk.outbound.AutoHeaders;
import org.postdesk.outbound.DigestMailer;
import org.postdesk.outbound.Templates;
import org.postdesk.sla.WeeklyHours;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.CalendarRepository;
import org.postdesk.store.Database;
import org.postdesk.store.DigestRepository;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.NewAgent;
import org.postdesk.store.NewMailbox;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TierRepository;

/**
 * The weekly digest (issue 12) with a fixed clock, on H2 and PostgreSQL: due at its weekday and time in the
 * mailbox calendar's zone, queued once per week to the team lead with the summary and the HTML report attached,
 * and not again by a restart or a second daemon.
 */
class DigestSchedulerTest {
    /** Monday 23 November 2026, 08:00 in Kyiv (UTC+2). */
    private static final Instant MONDAY_8_KYIV = Instant.parse("2026-11-23T06:00:00Z");

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theDigestGoesOutOncePerWeekAtItsMomentInTheMailboxZone(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            PostdeskConfig config = ConfigLoader.load(null, Map.of());
            Mailbox mb = new MailboxRepository(db.dsl()).add(new NewMailbox("support", "support@example.test",
                    "imap://support@127.0.0.1/INBOX", "smtp://support@127.0.0.1", "x", null, null, false, null,
                    "Support", "en"));
            long lead = new AgentRepository(db.dsl()).add(new NewAgent("Lea Lead", List.of("lea@example.test"),
                    List.of(mb.id()))).id();
            new TierRepository(db.dsl()).setTeamLead(mb.id(), lead);
            new CalendarRepository(db.dsl()).setHours(mb.id(), ZoneId.of("Europe/Kyiv"),
                    WeeklyHours.parse("mon-fri 09:00-18:00"), MONDAY_8_KYIV.minus(Duration.ofDays(30)));
            new DigestRepository(db.dsl()).setSchedule(mb.id(), "MON 08:00");

            assertThat(scheduler(db, config, MONDAY_8_KYIV.minusSeconds(60)).runDue()).as("a minute early").isZero();
            assertThat(scheduler(db, config, MONDAY_8_KYIV.plusSeconds(30)).runDue()).isEqualTo(1);
            assertThat(scheduler(db, config, MONDAY_8_KYIV.plusSeconds(90)).runDue()).as("the next round").isZero();
            assertThat(scheduler(db, config, MONDAY_8_KYIV.plus(Duration.ofHours(3))).runDue())
                    .as("another daemon, or this one restarted").isZero();

            List<String> digests = db.dsl().select(OUTBOX.RAW).from(OUTBOX).where(OUTBOX.KIND.eq(DigestMailer.KIND))
                    .fetch(r -> new String(r.value1(), StandardCharsets.UTF_8));
            assertThat(digests).hasSize(1);
            assertThat(digests.get(0)).contains("To: Lea Lead <lea@example.test>",
                    "Subject: Weekly report Support: 2026-11-16 08:00 to 2026-11-23 08:00", "Auto-Submitted: auto-replied",
                    "from 2026-11-16 08:00 to 2026-11-23 08:00", "(Europe/Kyiv)", "opened",
                    "filename=postdesk-support-2026-11-16.html");
            assertThat(db.dsl().fetchCount(REPORT_DIGEST)).isEqualTo(1);

            Instant nextWeek = MONDAY_8_KYIV.plus(Duration.ofDays(7)).plusSeconds(5);
            assertThat(scheduler(db, config, nextWeek).runDue()).isEqualTo(1);
            assertThat(db.dsl().fetchCount(OUTBOX, OUTBOX.KIND.eq(DigestMailer.KIND))).isEqualTo(2);

            // A daemon that was down for more than a day after the moment skips that week instead.
            new DigestRepository(db.dsl()).setSchedule(mb.id(), "TUE 08:00");
            assertThat(scheduler(db, config, nextWeek.plus(Duration.ofDays(2).plusHours(1))).runDue()).isZero();
        }
    }

    private static DigestScheduler scheduler(Database db, PostdeskConfig config, Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new DigestScheduler(db, config.reports(), new DigestMailer(Templates.stored(db, null),
                new MimeComposer(clock), new AutoHeaders(config.loopMarker())), clock);
    }
}
