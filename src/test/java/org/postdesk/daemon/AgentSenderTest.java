package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.EventRepository;
import org.postdesk.store.HeldReply;
import org.postdesk.store.HeldReplyRepository;
import org.postdesk.store.NewAgent;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;

/**
 * Issue 9 end to end through GreenMail, from raw RFC 5322 text: only the real agent acts as the agent,
 * reply tokens never reach a customer, attachment names are safe to show.
 */
class AgentSenderTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String BOB = "bob@agents.test";

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

    private Harness start(Map<String, String> env) {
        harness = new Harness(greenMail, TestDatabases.Kind.H2, tempDir, env);
        new AgentRepository(harness.db.dsl()).add(new NewAgent("Bob Agent", List.of(BOB), List.of(harness.mailbox.id())));
        harness.startDaemon();
        return harness;
    }

    @Test
    void anUnquotedRefLineTheMarkerAndTheHelpLineNeverReachTheCustomer() throws Exception {
        Harness h = start(Map.of());
        MimeMessage n = newTicketNotice(h);
        String body = text(n);
        String ref = line(body, "Ref: pd1.");
        String help = line(body, "Commands (");
        // A client that does not quote: the notification pasted below the reply as plain text.
        h.deliver(agentMail(n, "Please restart the router.\r\n" + ref + "\r\n\r\n" + body.replace("\n", "\r\n"), ""));
        MimeMessage answer = awaitMail(Harness.CUSTOMER, "Re: ").get(0);
        assertThat(text(answer)).contains("Please restart the router.").doesNotContain("pd1.")
                .doesNotContain("reply above this line").doesNotContain(help);
    }

    @Test
    void aNotificationForwardedInsideTheReplyIsHeldAndNeverReachesTheCustomer() throws Exception {
        Harness h = start(Map.of());
        MimeMessage n = newTicketNotice(h);
        String eml = "From: " + Harness.SUPPORT + "\r\nMessage-ID: " + n.getMessageID() + "\r\nSubject: "
                + n.getSubject() + "\r\n\r\n" + text(n).replace("\n", "\r\n");
        // A forwarded message/rfc822 part is an .eml attachment of the reply: it carries the token, so the last guard
        // holds the reply and tells the agent instead of sending the customer a copy of the notification.
        h.deliver(agentMultipart(n, "See the forwarded notice.", "notice.eml", "message/rfc822", eml));
        MimeMessage told = awaitMail(BOB, "Not sent:").get(0);
        assertThat(text(told)).contains("See the forwarded notice.");
        assertThat(events(h, onlyTicket(h))).contains("token-withheld");
        assertThat(mailTo(Harness.CUSTOMER, "Re: ")).isEmpty();
    }

    @Test
    void aReplyWithATokenInAnAttachmentIsHeldAndTheAgentIsTold() throws Exception {
        Harness h = start(Map.of());
        MimeMessage n = newTicketNotice(h);
        h.deliver(agentMultipart(n, "See the attached notice.", "notice.txt", "text/plain", text(n)));
        MimeMessage told = awaitMail(BOB, "Not sent:").get(0);
        assertThat(text(told)).contains("notice.txt", "See the attached notice.");
        TicketRow t = onlyTicket(h);
        assertThat(events(h, t)).contains("token-withheld");
        assertThat(mailTo(Harness.CUSTOMER, "Re: ")).isEmpty();
    }

    @Test
    void attachmentNamesAreShownSafelyAndTheOriginalIsKept() throws Exception {
        Harness h = start(Map.of());
        h.deliver("From: Ann Customer <" + Harness.CUSTOMER + ">\r\nTo: " + Harness.SUPPORT + "\r\nSubject: Invoice\r\n"
                + "Message-ID: <q1@example.test>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nSee attached.\r\n"
                + "--b\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Disposition: attachment; filename*=UTF-8''invoice%E2%80%AEfdp.exe\r\n\r\nMZ\r\n"
                + "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"..\"\r\n\r\n"
                + "x\r\n--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\""
                + "y".repeat(300) + ".pdf\"\r\n\r\n%PDF\r\n--b--\r\n");
        MimeMessage n = awaitMail(BOB, "New ticket").get(0);
        assertThat(text(n)).contains("invoicefdp.exe", "attachment, ", "y".repeat(251) + ".pdf")
                .doesNotContain("\u202E").doesNotContain("y".repeat(252));
        List<String> stored = h.db.dsl().fetch("select filename, original_filename from attachment order by id")
                .map(r -> r.get(0, String.class) + " <- " + r.get(1, String.class));
        assertThat(stored).containsExactly("invoicefdp.exe <- invoice\u202Efdp.exe", "attachment <- ..",
                "y".repeat(251) + ".pdf <- " + "y".repeat(300) + ".pdf");
    }

    // --- helpers -------------------------------------------------------------------------------------

    private MimeMessage newTicketNotice(Harness h) {
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer on fire", "Help, it burns."));
        return awaitMail(BOB, "New ticket").get(0);
    }

    /** A reply from Bob to {@code n}, plain text, with {@code extraHeaders} (each ending in CRLF) on top. */
    static String agentMail(MimeMessage n, String body, String extraHeaders) throws Exception {
        return extraHeaders + "From: Bob Agent <" + BOB + ">\r\nTo: " + Harness.SUPPORT + "\r\nSubject: Re: "
                + n.getSubject() + "\r\nMessage-ID: <r" + System.nanoTime() + "@agents.test>\r\nIn-Reply-To: "
                + n.getMessageID() + "\r\nReferences: " + n.getMessageID()
                + "\r\nDate: Mon, 23 Nov 2026 10:05:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n";
    }

    private static String agentMultipart(MimeMessage n, String typed, String file, String type, String content)
            throws Exception {
        return "From: Bob Agent <" + BOB + ">\r\nTo: " + Harness.SUPPORT + "\r\nSubject: Re: " + n.getSubject()
                + "\r\nMessage-ID: <r" + System.nanoTime() + "@agents.test>\r\nIn-Reply-To: " + n.getMessageID()
                + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + typed + "\r\n--b\r\nContent-Type: " + type
                + "\r\nContent-Disposition: attachment; filename=\"" + file + "\"\r\n\r\n" + content + "\r\n--b--\r\n";
    }

    static TicketRow onlyTicket(Harness h) {
        List<TicketRow> tickets = new TicketRepository(h.db.dsl()).list(null, 10);
        assertThat(tickets).hasSize(1);
        return tickets.get(0);
    }

    static List<String> events(Harness h, TicketRow t) {
        return new EventRepository(h.db.dsl()).byTicket(t.id()).stream().map(EventRepository.TicketEvent::type).toList();
    }

    static void awaitOutboxDrained(Harness h) {
        Await.until("outbox sent", WAIT, () -> new OutboxRepository(h.db.dsl()).countByStatus(OutboxRepository.PENDING) == 0);
    }

    private List<MimeMessage> awaitMail(String to, String subjectPrefix) {
        return Await.value("mail '" + subjectPrefix + "' to " + to, WAIT, () -> mailTo(to, subjectPrefix),
                l -> !l.isEmpty());
    }

    private List<MimeMessage> mailTo(String to, String subjectPrefix) {
        return harness.mailTo(to, subjectPrefix);
    }

    static String text(MimeMessage m) throws Exception {
        Object content = m.getContent();
        return content instanceof MimeMultipart mp ? mp.getBodyPart(0).getContent().toString() : content.toString();
    }

    private static String line(String body, String prefix) {
        return Arrays.stream(body.split("\r?\n")).filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }

    static Agent bob(Harness h) {
        return new AgentRepository(h.db.dsl()).activeByAddress(BOB).orElseThrow();
    }

    static List<String> names(List<Agent> agents) {
        List<String> out = new ArrayList<>();
        agents.forEach(a -> out.add(a.name()));
        return out;
    }
}
