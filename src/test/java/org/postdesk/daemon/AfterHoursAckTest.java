package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.sla.DayOverride;
import org.postdesk.sla.ScopedPolicy;
import org.postdesk.sla.SlaPolicy;
import org.postdesk.sla.SlaTarget;
import org.postdesk.sla.WeeklyHours;
import org.postdesk.store.CalendarRepository;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.SlaPolicyRepository;
import org.postdesk.store.TestDatabases;

/**
 * The after-hours acknowledgement, end to end through GreenMail with the daemon's clock fixed: a mail
 * that arrives while the mailbox is closed gets the variant that says when the team is back and when
 * the first answer is due, in the customer's language; on a holiday it names the holiday; still one
 * acknowledgement per ticket.
 */
class AfterHoursAckTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path tempDir;

    private Harness harness;

    @AfterEach
    void tearDown() {
        if (harness != null) {
            harness.close();
        }
    }

    private void start(String kyivLocal) {
        harness = new Harness(greenMail, TestDatabases.Kind.H2, tempDir, Map.of());
        long mailbox = harness.mailbox.id();
        new CalendarRepository(harness.db.dsl()).setHours(mailbox, KYIV, WeeklyHours.parse("mon-fri 09:00-18:00"),
                Instant.EPOCH);
        new CalendarRepository(harness.db.dsl()).putDays(mailbox,
                List.of(DayOverride.holiday(LocalDate.parse("2026-03-09"), "Women's Day (observed)")));
        new SlaPolicyRepository(harness.db.dsl()).put(mailbox, new ScopedPolicy(null, null, new SlaPolicy(
                Map.of(SlaTarget.FIRST_RESPONSE, Duration.ofHours(4)), 80, Optional.empty())), Instant.EPOCH);
        Clock clock = Clock.fixed(LocalDateTime.parse(kyivLocal).atZone(KYIV).toInstant(), ZoneOffset.UTC);
        harness.startDaemon(new Pipeline(harness.config, harness.db, harness.secrets, null, clock, null));
    }

    @Test
    void aMailOnFridayNightIsToldTheTeamIsBackOnMonday() throws Exception {
        start("2026-02-27T21:15");   // a Friday

        harness.deliver(Harness.customerMail("<n1@example.test>", "Printer on fire", "Help, it burns."));

        String text = (String) awaitAcks(1).get(0).getContent();
        assertThat(text).contains("Our team is away right now and will be back",
                "on Monday 2 March at 09:00 (Europe/Kyiv).",
                "You will have our first answer by Monday 2 March at 13:00 (Europe/Kyiv).");
        assertThat(new OutboxRepository(harness.db.dsl()).countByStatus(OutboxRepository.SENT)).isEqualTo(1);
    }

    @Test
    void onAHolidayItNamesTheHolidayInTheCustomersLanguage() throws Exception {
        start("2026-03-09T10:00");   // a Monday, and a holiday

        harness.deliver(Harness.customerMail("<n2@example.test>", "Принтер", "Помогите, он горит.",
                "Content-Language: uk"));

        String text = (String) awaitAcks(1).get(0).getContent();
        assertThat(text).contains("Зараз у нас вихідний (Women's Day (observed)); ми повернемося",
                "вівторок, 10 березня о 09:00 (Europe/Kyiv)", "вівторок, 10 березня о 13:00 (Europe/Kyiv)");
    }

    @Test
    void duringBusinessHoursTheOrdinaryAcknowledgementGoesOut() throws Exception {
        start("2026-03-10T10:00");

        harness.deliver(Harness.customerMail("<n3@example.test>", "Printer", "Broken."));

        String text = (String) awaitAcks(1).get(0).getContent();
        assertThat(text).contains("A member of our team will answer you soon").doesNotContain("will be back");
    }

    private static List<MimeMessage> awaitAcks(int n) {
        return Await.value(n + " acknowledgement(s) at the customer", WAIT, () -> Arrays.stream(
                greenMail.getReceivedMessages()).filter(AfterHoursAckTest::isToCustomer).toList(), l -> l.size() >= n);
    }

    private static boolean isToCustomer(MimeMessage m) {
        try {
            return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(Harness.CUSTOMER));
        } catch (Exception e) {
            return false;
        }
    }
}
