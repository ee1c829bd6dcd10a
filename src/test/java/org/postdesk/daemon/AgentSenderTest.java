package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.app.ConfirmExpiry;
import org.postdesk.app.sender.DkimCheck;
import org.postdesk.app.sender.DkimFixture;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.EventRepository;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.SenderConfirmation;
import org.postdesk.store.SenderConfirmationRepository;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.tickets.TicketStatus;

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
        return start(env, "token-only", null);
    }

    /** A daemon whose support mailbox has {@code --agent-sender-check check}; {@code dkim} null for DNS. */
    private Harness start(Map<String, String> env, String check, DkimCheck dkim) {
        // Polling instead of IDLE: once, under load, a worker in IDLE did not see a delivered mail for 90 s.
        Map<String, String> polling = new HashMap<>(env);
        polling.put("POSTDESK_INGEST_USE_IDLE", "false");
        polling.put("POSTDESK_INGEST_POLL_INTERVAL", "300ms");
        harness = new Harness(greenMail, TestDatabases.Kind.H2, tempDir, polling);
        harness.addAgent("Bob Agent", BOB);
        new MailboxRepository(harness.db.dsl()).setAgentSenderCheck(harness.mailbox.id(), check);
        if (dkim == null) {
            harness.startDaemon();
        } else {
            harness.startDaemon(dkim);
        }
        return harness;
    }

    // --- only the real agent acts as the agent -------------------------------------------------------

    @Test
    void aForgedFromWithARealTokenIsHeldAndTheConfirmationReleasesItWhole() throws Exception {
        Harness h = start(Map.of(), "confirm", null);
        MimeMessage n = newTicketNotice(h);
        TicketRow before = onlyTicket(h);
        // The attack from the issue: unauthenticated, From: Bob, the real In-Reply-To and Ref: line.
        h.deliver(agentMail(n, "#close\r\nThe stranger's words.\r\n\r\n" + line(text(n), "Ref: pd1."), ""));

        MimeMessage ask = awaitMail(BOB, "Confirm: did you write this?").get(0);
        assertThat(text(ask)).contains("The stranger's words.", "#close", "#send", "Bob Agent <" + BOB + ">")
                .doesNotContain(n.getMessageID());
        TicketRow held = onlyTicket(h);
        assertThat(held.status()).isEqualTo(before.status());
        assertThat(held.ownerAgentId()).isNull();
        assertThat(mailTo(Harness.CUSTOMER, "Re: ")).isEmpty();
        assertThat(events(h, held)).contains("sender-unproven").doesNotContain("reply-out", "take");
        assertThat(new SenderConfirmationRepository(h.db.dsl()).byTicket(held.id()))
                .extracting(SenderConfirmation::status).containsExactly(SenderConfirmation.HELD);

        // Bob answers the confirmation mail (which only he received): the held reply runs as it was.
        h.deliver(agentMail(ask, "#send", ""));
        MimeMessage answer = awaitMail(Harness.CUSTOMER, "Re: ").get(0);
        assertThat(text(answer)).contains("The stranger's words.").doesNotContain("pd1.");
        Await.until("ticket closed by the confirmed #close", WAIT,
                () -> onlyTicket(h).status() == TicketStatus.CLOSED);
        assertThat(events(h, held)).contains("sender-confirmed", "reply-out");
        assertThat(new SenderConfirmationRepository(h.db.dsl()).byTicket(held.id()))
                .extracting(SenderConfirmation::status).containsExactly(SenderConfirmation.SENT);

        // The confirmation token is single-use.
        h.deliver(agentMail(ask, "#send", ""));
        assertThat(text(awaitMail(BOB, "Nothing sent:").get(0))).contains("already sent");
        awaitOutboxDrained(h);
        assertThat(mailTo(Harness.CUSTOMER, "Re: ")).hasSize(1);
    }

    @Test
    void anUnconfirmedReplyLapsesAndTheAuditSaysSo() throws Exception {
        Harness h = start(Map.of(), "confirm", null);
        MimeMessage n = newTicketNotice(h);
        h.deliver(agentMail(n, "#close\r\nForged.", ""));
        MimeMessage ask = awaitMail(BOB, "Confirm: did you write this?").get(0);
        TicketRow t = onlyTicket(h);

        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(24).plusMinutes(1));
        assertThat(new ConfirmExpiry(h.db, later).sweep()).isEqualTo(1);
        assertThat(events(h, t)).contains("confirm-expired");
        assertThat(new SenderConfirmationRepository(h.db.dsl()).byTicket(t.id()))
                .extracting(SenderConfirmation::status).containsExactly(SenderConfirmation.EXPIRED);

        h.deliver(agentMail(ask, "#send", ""));
        assertThat(text(awaitMail(BOB, "Nothing sent:").get(0))).contains("not confirmed in time");
        assertThat(mailTo(Harness.CUSTOMER, "Re: ")).isEmpty();
        assertThat(onlyTicket(h).status()).isNotEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void strictHandlesAForgedReplyAsTheCustomersAndItRunsNothing() throws Exception {
        Harness h = start(Map.of(), "strict", null);
        MimeMessage n = newTicketNotice(h);
        h.deliver(agentMail(n, "#close\r\nForged.", ""));
        TicketRow t = onlyTicket(h);
        awaitEvent(h, t, "sender-unproven");
        awaitOutboxDrained(h);
        assertThat(onlyTicket(h).status()).isNotEqualTo(TicketStatus.CLOSED);
        assertThat(onlyTicket(h).ownerAgentId()).isNull();
        assertThat(mailTo(Harness.CUSTOMER, "Re: ")).isEmpty();
        assertThat(mailTo(BOB, "Confirm:")).isEmpty();
    }

    @Test
    void aDkimSignedReplyPassesWhereAnUnsignedOneWouldNot() throws Exception {
        KeyPair key = DkimFixture.newKey();
        Harness h = start(Map.of(), "strict", new DkimCheck(DkimFixture.keyOf("agents.test", key)));
        MimeMessage n = newTicketNotice(h);
        h.deliver(DkimFixture.sign(agentMail(n, "Signed and sealed.", ""), "agents.test", key, ""));
        assertThat(text(awaitMail(Harness.CUSTOMER, "Re: ").get(0))).contains("Signed and sealed.");
        assertThat(onlyTicket(h).ownerAgentId()).isEqualTo(bob(h).id());
    }

    @Test
    void theSignatureIsCheckedOnlyForAReplyWithTheAgentsTokenAndOnce() throws Exception {
        KeyPair key = DkimFixture.newKey();
        PublicKeyRecordRetriever keys = DkimFixture.keyOf("agents.test", key);
        AtomicInteger lookups = new AtomicInteger();
        Harness h = start(Map.of(), "strict", new DkimCheck((method, selector, token) -> {
            lookups.incrementAndGet();
            return keys.getRecords(method, selector, token);
        }));
        MimeMessage n = newTicketNotice(h);
        // Bob writing without a token is a customer's mail: no proof of his sender is needed, no key looked up.
        h.deliver(DkimFixture.sign("From: Bob Agent <" + BOB + ">\r\nTo: " + Harness.SUPPORT + "\r\nSubject: My own"
                + " printer\r\nMessage-ID: <own1@agents.test>\r\nDate: Mon, 23 Nov 2026 10:05:00 +0000\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nIt burns too.\r\n",
                "agents.test", key, ""));
        Await.until("Bob's own mail opened a ticket", WAIT,
                () -> new TicketRepository(h.db.dsl()).list(null, 10).size() == 2);
        assertThat(lookups).hasValue(0);

        h.deliver(DkimFixture.sign(agentMail(n, "Signed and sealed.", ""), "agents.test", key, ""));
        assertThat(text(awaitMail(Harness.CUSTOMER, "Re: ").get(0))).contains("Signed and sealed.");
        assertThat(lookups).hasValue(1);
    }

    @Test
    void aForgedSignatureFails() throws Exception {
        KeyPair key = DkimFixture.newKey();
        Harness h = start(Map.of(), "strict", new DkimCheck(DkimFixture.keyOf("agents.test", key)));
        MimeMessage n = newTicketNotice(h);
        h.deliver(DkimFixture.sign(agentMail(n, "Forged seal.", ""), "agents.test", DkimFixture.newKey(), ""));
        awaitEvent(h, onlyTicket(h), "sender-unproven");
        assertThat(mailTo(Harness.CUSTOMER, "Re: ")).isEmpty();
    }

    @Test
    void aTrustedAuthenticationResultsPassCountsAndAnUntrustedOneDoesNot() throws Exception {
        Harness h = start(Map.of("POSTDESK_AGENTS_TRUSTED_AUTHSERV_IDS", "mx.agents.test"), "strict", null);
        MimeMessage n = newTicketNotice(h);
        // The receiving server verified the signature below (Postdesk does not: its key is nowhere); what it signs
        // includes the In-Reply-To that carries the token.
        h.deliver(agentMail(n, "Vouched for.", "Authentication-Results: mx.agents.test; dkim=pass"
                + " header.d=agents.test header.s=sel; dmarc=pass header.from=agents.test\r\n"
                + "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=agents.test; s=sel;\r\n"
                + "\th=from:to:subject:message-id:date:in-reply-to; bh=Zm9v; b=QmFy\r\n"));
        assertThat(text(awaitMail(Harness.CUSTOMER, "Re: ").get(0))).contains("Vouched for.");

        MimeMessage followUp = followUpNotice(h);
        // The stranger writes the header himself, with an id nobody trusts and, below the receiving
        // server's genuine fail, with the trusted one.
        h.deliver(agentMail(followUp, "#close\r\nSelf-vouched.", "Authentication-Results: mx.evil.test; dkim=pass"
                + " header.d=agents.test; dmarc=pass header.from=agents.test\r\n"));
        h.deliver(agentMail(followUp, "#close\r\nSelf-vouched below.", "Authentication-Results: mx.agents.test;"
                + " dkim=none; dmarc=fail header.from=agents.test\r\nAuthentication-Results: mx.agents.test;"
                + " dkim=pass header.d=agents.test; dmarc=pass header.from=agents.test\r\n"));
        TicketRow t = onlyTicket(h);
        Await.until("both forgeries handled as customers' mail", WAIT,
                () -> events(h, t).stream().filter("sender-unproven"::equals).count() == 2);
        awaitOutboxDrained(h);
        assertThat(mailTo(Harness.CUSTOMER, "Re: ")).hasSize(1);
        assertThat(onlyTicket(h).status()).isNotEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void smtpAuthInATrustedReceivedCountsAndAForgedOneLowerDoesNot() throws Exception {
        Harness h = start(Map.of("POSTDESK_AGENTS_TRUSTED_RELAYS", "mail.agents.test"), "strict", null);
        MimeMessage n = newTicketNotice(h);
        String authenticated = "Received: from [192.168.1.20] (unknown [203.0.113.7])\r\n\t(Authenticated sender: "
                + BOB + ")\r\n\tby mail.agents.test (Postfix) with ESMTPSA id 4Kx\r\n\tfor <" + Harness.SUPPORT
                + ">; Mon, 23 Nov 2026 10:05:00 +0000\r\n";
        h.deliver(agentMail(n, "Sent through our server.", authenticated));
        assertThat(text(awaitMail(Harness.CUSTOMER, "Re: ").get(0))).contains("Sent through our server.");

        MimeMessage followUp = followUpNotice(h);
        String entry = "Received: from attacker.evil.test (unknown [198.51.100.9])\r\n\tby mail.agents.test"
                + " (Postfix) with ESMTP id 9Zz\r\n\tfor <" + Harness.SUPPORT + ">; Mon, 23 Nov 2026 10:06:00 +0000\r\n";
        h.deliver(agentMail(followUp, "#close\r\nForged below.", entry + authenticated));
        TicketRow t = onlyTicket(h);
        awaitEvent(h, t, "sender-unproven");
        awaitOutboxDrained(h);
        assertThat(mailTo(Harness.CUSTOMER, "Re: ")).hasSize(1);
        assertThat(onlyTicket(h).status()).isNotEqualTo(TicketStatus.CLOSED);
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

    /** The customer writes again; Bob (the owner now) gets a "Follow-up" notice to answer. */
    private MimeMessage followUpNotice(Harness h) throws Exception {
        MimeMessage answer = mailTo(Harness.CUSTOMER, "Re: ").get(0);
        h.deliver(Harness.customerMail("<q2@example.test>", "Re: fire", "Still burning.",
                "In-Reply-To: " + answer.getMessageID()));
        return awaitMail(BOB, "Follow-up").get(0);
    }

    private static void awaitEvent(Harness h, TicketRow t, String type) {
        Await.until("event " + type + " on ticket " + t.number(), WAIT, () -> events(h, t).contains(type));
    }

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
