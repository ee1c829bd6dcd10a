package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.postdesk.store.db.Tables.TICKET_LINK;

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

/** {@code #link NUMBER} from an agent's mail client (issue 12), through GreenMail from raw RFC 5322 text. */
class LinkCommandTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

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
    void anAgentLinksTwoTicketsAndAnUnknownNumberLinksNothing() throws Exception {
        harness = new Harness(greenMail, TestDatabases.Kind.H2, tempDir, Map.of());
        harness.addAgent("Bob", "bob@agents.test");
        harness.startDaemon();
        harness.deliver(Harness.customerMail("<q1@example.test>", "Printer offline", "It does not print."));
        harness.deliver(Harness.customerMail("<q2@example.test>", "Printer still offline", "Since Monday."));
        List<MimeMessage> notices = Await.value("two new-ticket notices", WAIT,
                () -> harness.mailTo("bob@agents.test", "New ticket"), l -> l.size() >= 2);
        List<TicketRow> tickets = new TicketRepository(harness.db.dsl()).list(null, 10);
        TicketRow first = tickets.stream().filter(t -> t.subject().equals("Printer offline")).findFirst().orElseThrow();
        TicketRow second = tickets.stream().filter(t -> !t.equals(first)).findFirst().orElseThrow();
        MimeMessage notice = notices.stream().filter(n -> subject(n).contains("#" + first.number() + "]"))
                .findFirst().orElseThrow();

        harness.deliver(reply("<r1@agents.test>", notice, "#link " + second.number() + "\n#note"));
        Await.until("the link recorded", WAIT, () -> harness.db.dsl().fetchCount(TICKET_LINK) == 1);
        assertThat(events(first)).anyMatch(d -> d.equals("linked to ticket " + second.number()));
        assertThat(events(second)).anyMatch(d -> d.equals("linked to ticket " + first.number()));

        harness.deliver(reply("<r2@agents.test>", notice, "#link 99992\n#note"));
        Await.until("the unknown number in the audit", WAIT, () -> events(first).stream()
                .anyMatch(d -> d.equals("#link 99992: no such ticket")));
        assertThat(harness.db.dsl().fetchCount(TICKET_LINK)).isEqualTo(1);
    }

    private List<String> events(TicketRow t) {
        return new EventRepository(harness.db.dsl()).byTicket(t.id()).stream()
                .map(e -> String.valueOf(e.detail())).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String reply(String messageId, MimeMessage notice, String typed) throws Exception {
        String quoted = Arrays.stream(notice.getContent().toString().split("\r?\n")).map(l -> "> " + l)
                .reduce((a, b) -> a + "\r\n" + b).orElse("");
        return "From: Bob <bob@agents.test>\r\nTo: " + Harness.SUPPORT + "\r\nSubject: Re: " + notice.getSubject()
                + "\r\nMessage-ID: " + messageId + "\r\nIn-Reply-To: " + notice.getMessageID() + "\r\nReferences: "
                + notice.getMessageID() + "\r\nDate: Mon, 23 Nov 2026 10:05:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + typed.replace("\n", "\r\n")
                + "\r\n\r\nOn Mon, 23 Nov 2026 at 10:00, Support <" + Harness.SUPPORT + "> wrote:\r\n" + quoted + "\r\n";
    }
}
