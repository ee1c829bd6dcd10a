package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.store.EventRepository;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.store.TierRepository;

/** {@code #escalate [reason]} and {@code #deescalate} from an agent's mail client, through GreenMail. */
class EscalateCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

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

    @Test
    void anAgentEscalatesToTheSecondLineOnceAndTheSecondLineDeescalates() throws Exception {
        harness = new Harness(greenMail, TestDatabases.Kind.H2, tempDir, Map.of());
        harness.addAgent("Bob", "bob@agents.test");
        long eve = harness.addAgent("Eve", "eve@agents.test");
        new TierRepository(harness.db.dsl()).setTier(eve, TierRepository.SECOND_LINE);
        harness.startDaemon();
        harness.deliver(Harness.customerMail("<q1@example.test>", "Printer on fire", "Help, it burns."));
        MimeMessage notice = awaitMail("bob@agents.test", 1, "New ticket").get(0);

        harness.deliver(reply("Bob", "<r1@agents.test>", notice, "#escalate the customer is a VIP"));

        MimeMessage escalated = awaitMail("eve@agents.test", 1, "Escalated:").get(0);
        TicketRow ticket = new TicketRepository(harness.db.dsl()).list(null, 10).get(0);
        assertThat(escalated.getContent().toString()).contains("escalated to the second line: the customer is a VIP",
                "Escalated by: Bob <bob@agents.test>", "History:");
        assertThat(new TierRepository(harness.db.dsl()).escalatedAt(ticket.id())).isPresent();
        assertThat(harness.mailTo("bob@agents.test", "Escalated:")).isEmpty();

        harness.deliver(reply("Bob", "<r2@agents.test>", notice, "#escalate"));
        Await.until("second #escalate recorded", WAIT, () -> events(ticket).stream()
                .anyMatch(e -> e.detail() != null && e.detail().startsWith("already escalated")));
        assertThat(harness.mailTo("eve@agents.test", "Escalated:")).hasSize(1);

        harness.deliver(reply("Eve", "<r3@agents.test>", escalated, "#deescalate"));
        Await.until("de-escalated", WAIT, () -> new TierRepository(harness.db.dsl()).escalatedAt(ticket.id()).isEmpty());
        assertThat(events(ticket)).extracting(EventRepository.TicketEvent::type).contains("escalation", "deescalation");
    }

    private List<EventRepository.TicketEvent> events(TicketRow t) {
        return new EventRepository(harness.db.dsl()).byTicket(t.id());
    }

    private List<MimeMessage> awaitMail(String to, int n, String subjectPrefix) {
        return Await.value(n + " mail(s) '" + subjectPrefix + "' to " + to, WAIT, () -> harness.mailTo(to, subjectPrefix),
                l -> l.size() >= n);
    }

    /** An agent's reply as Gmail writes it: text on top, the notice quoted below. */
    private static String reply(String agent, String messageId, MimeMessage notice, String typed) throws Exception {
        String quoted = Arrays.stream(notice.getContent().toString().split("\r?\n")).map(l -> "> " + l)
                .reduce((a, b) -> a + "\r\n" + b).orElse("");
        return "From: " + agent + " <" + agent.toLowerCase() + "@agents.test>\r\nTo: " + Harness.SUPPORT
                + "\r\nSubject: Re: " + notice.getSubject() + "\r\nMessage-ID: " + messageId + "\r\nIn-Reply-To: "
                + notice.getMessageID() + "\r\nReferences: " + notice.getMessageID()
                + "\r\nDate: Mon, 23 Nov 2026 10:05:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + typed + "\r\n\r\nOn Mon, 23 Nov 2026 at 10:00, Support <"
                + Harness.SUPPORT + "> wrote:\r\n" + quoted + "\r\n";
    }
}
