package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.postdesk.daemon.AgentSenderTest.agentMail;
import static org.postdesk.daemon.AgentSenderTest.events;
import static org.postdesk.daemon.AgentSenderTest.onlyTicket;
import static org.postdesk.daemon.AgentSenderTest.text;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.app.sender.DkimCheck;
import org.postdesk.app.sender.DkimFixture;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.SenderConfirmationRepository;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRow;
import org.postdesk.tickets.TicketStatus;

/**
 * An attacker forging an agent's mail, with the headers real Postfix and Dovecot write (scripts/try-real-servers,
 * session 7): the attacks that once made Postdesk act as the agent, each from raw RFC 5322 text.
 */
class AgentForgeryTest {
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

    private Harness start(String check) {
        return start(check, null);
    }

    /** {@code dkim} null: keys from DNS. */
    private Harness start(String check, DkimCheck dkim) {
        Map<String, String> env = new HashMap<>();
        env.put("POSTDESK_INGEST_USE_IDLE", "false");
        env.put("POSTDESK_INGEST_POLL_INTERVAL", "300ms");
        env.put("POSTDESK_AGENTS_TRUSTED_RELAYS", "mail.agents.test");
        harness = new Harness(greenMail, TestDatabases.Kind.H2, tempDir, env);
        harness.addAgent("Bob Agent", BOB);
        new MailboxRepository(harness.db.dsl()).setAgentSenderCheck(harness.mailbox.id(), check);
        if (dkim == null) {
            harness.startDaemon();
        } else {
            harness.startDaemon(dkim);
        }
        return harness;
    }

    /** Dovecot's LMTP hop as it writes it: the envelope sender and the recipient copied as the sender gave them. */
    private static String lmtp(String envelopeFrom, String rcpt) {
        return "Received: from mail.agents.test ([127.0.0.1])\r\n\tby mail.agents.test with LMTP\r\n"
                + "\tid lPPOOHapD2sELwAAg+zDdQ\r\n\t(envelope-from <" + envelopeFrom + ">)\r\n\tfor <" + rcpt
                + ">; Wed, 02 Dec 2026 05:15:34 +0000\r\n";
    }

    /** Postfix's port-25 hop: no authentication, the recipient as the sender gave it. */
    private static String port25(String rcpt) {
        return "Received: from attacker.test (unknown [198.51.100.9])\r\n\tby mail.agents.test (Postfix) with ESMTP"
                + " id DD1EE162549\r\n\tfor <" + rcpt + ">; Wed,  2 Dec 2026 05:15:34 +0000 (UTC)\r\n";
    }

    @Test
    void anAuthenticatedSenderSmuggledInAQuotedEnvelopeAddressProvesNothing() throws Exception {
        Harness h = start("strict");
        MimeMessage n = newTicketNotice(h);
        String rcpt = "\"support+(Authenticated sender: " + BOB + ")\"@example.test";
        String sender = "\"x(Authenticated sender: " + BOB + ")\"@attacker.test";
        h.deliver(agentMail(n, "#close\r\nThe stranger's words.", lmtp("mallory@attacker.test", rcpt) + port25(rcpt)));
        h.deliver(agentMail(n, "#close\r\nThe stranger's words again.", lmtp(sender, Harness.SUPPORT)
                + port25(Harness.SUPPORT)));
        TicketRow t = onlyTicket(h);
        Await.until("both forgeries unproven", WAIT,
                () -> events(h, t).stream().filter("sender-unproven"::equals).count() == 2);
        AgentSenderTest.awaitOutboxDrained(h);
        assertThat(h.mailTo(Harness.CUSTOMER, "Re: ")).isEmpty();
        assertThat(onlyTicket(h).status()).isNotEqualTo(TicketStatus.CLOSED);
        assertThat(onlyTicket(h).ownerAgentId()).isNull();

        // Bob's own reply through the submission port, SMTP AUTH recorded by Postfix: proven and relayed. (Under
        // strict each forgery is a customer's follow-up, so he answers the last notice, which has seen them.)
        List<MimeMessage> followUps = Await.value("two follow-up notices", WAIT, () -> h.mailTo(BOB, "Follow-up"),
                l -> l.size() == 2);
        String submission = "Received: from [127.0.0.1] (localhost [127.0.0.1])\r\n\t(using TLSv1.3 with cipher"
                + " TLS_AES_256_GCM_SHA384 (256/256 bits)\r\n\t key-exchange X25519 server-signature RSA-PSS (2048 bits)"
                + " server-digest SHA256)\r\n\t(No client certificate requested)\r\n\t(Authenticated sender: " + BOB
                + ")\r\n\tby mail.agents.test (Postfix) with ESMTPSA id 4F12C1625B1\r\n\tfor <" + Harness.SUPPORT
                + ">; Wed,  2 Dec 2026 05:18:07 +0000 (UTC)\r\n";
        h.deliver(agentMail(followUps.get(1), "Bob's own words.", lmtp(BOB, Harness.SUPPORT) + submission));
        assertThat(text(awaitMail(Harness.CUSTOMER, "Re: ").get(0))).contains("Bob's own words.")
                .doesNotContain("stranger");
    }

    @Test
    void aSecondFromAboveAColleaguesSignedMailIsNotTheAgentsProof() throws Exception {
        KeyPair key = DkimFixture.newKey();
        Harness h = start("strict", new DkimCheck(DkimFixture.keyOf("agents.test", key)));
        MimeMessage n = newTicketNotice(h);
        // Eve (any user of agents.test) signs a mail of her own carrying Bob's leaked token; Bob's From goes on top.
        String eves = agentMail(n, "#close\r\nEve's words.", "").replace("From: Bob Agent <" + BOB + ">",
                "From: Eve <eve@agents.test>");
        h.deliver("From: Bob Agent <" + BOB + ">\r\n" + DkimFixture.sign(eves, "agents.test", key, ""));
        TicketRow t = onlyTicket(h);
        Await.until("the forgery unproven", WAIT, () -> events(h, t).contains("sender-unproven"));
        AgentSenderTest.awaitOutboxDrained(h);
        assertThat(h.mailTo(Harness.CUSTOMER, "Re: ")).isEmpty();
        assertThat(onlyTicket(h).status()).isNotEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void aLeakedTokenAddedToTheAgentsGenuinelySignedMailIsNotTheAgentsProof() throws Exception {
        KeyPair key = DkimFixture.newKey();
        Harness h = start("strict", new DkimCheck(DkimFixture.keyOf("agents.test", key)));
        MimeMessage n = newTicketNotice(h);
        // A mail Bob once wrote to Mallory, signed by his domain; it had no In-Reply-To or References, so the
        // signature does not list them. Mallory adds both with the token of a leaked notification and replays it.
        String bobs = "From: Bob Agent <" + BOB + ">\r\nTo: mallory@attacker.test\r\nSubject: Re: lunch\r\n"
                + "Message-ID: <lunch1@agents.test>\r\nDate: Mon, 23 Nov 2026 10:05:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n#close\r\nBob's words to Mallory.\r\n";
        String signed = DkimFixture.sign(bobs, "agents.test", key, "", "from:to:subject:message-id:date");
        h.deliver("In-Reply-To: " + n.getMessageID() + "\r\nReferences: " + n.getMessageID() + "\r\n" + signed);
        TicketRow t = onlyTicket(h);
        Await.until("the replay unproven", WAIT, () -> events(h, t).contains("sender-unproven"));
        AgentSenderTest.awaitOutboxDrained(h);
        assertThat(h.mailTo(Harness.CUSTOMER, "Re: ")).isEmpty();
        assertThat(onlyTicket(h).status()).isNotEqualTo(TicketStatus.CLOSED);

        // Bob's real reply, signed with In-Reply-To listed, is proven and relayed.
        List<MimeMessage> followUps = Await.value("the replay's follow-up notice", WAIT,
                () -> h.mailTo(BOB, "Follow-up"), l -> l.size() == 1);
        h.deliver(DkimFixture.sign(agentMail(followUps.get(0), "Bob's own words.", ""), "agents.test", key, ""));
        assertThat(text(awaitMail(Harness.CUSTOMER, "Re: ").get(0))).contains("Bob's own words.")
                .doesNotContain("Mallory");
    }

    @Test
    void aFloodOfForgedRepliesAsksTheAgentAtMostFiveTimesAnHour() throws Exception {
        Harness h = start("confirm");
        MimeMessage n = newTicketNotice(h);
        for (int i = 1; i <= 7; i++) {
            h.deliver(agentMail(n, "#close\r\nForgery " + i + ".", port25(Harness.SUPPORT)));
        }
        TicketRow t = onlyTicket(h);
        SenderConfirmationRepository held = new SenderConfirmationRepository(h.db.dsl());
        Await.until("seven replies held", WAIT, () -> held.byTicket(t.id()).size() == 7);
        AgentSenderTest.awaitOutboxDrained(h);
        assertThat(h.mailTo(BOB, "Confirm: did you write this?")).hasSize(5);
        assertThat(events(h, t).stream().filter("confirm-suppressed"::equals).count()).isEqualTo(2);
        assertThat(h.mailTo(Harness.CUSTOMER, "Re: ")).isEmpty();
        assertThat(onlyTicket(h).status()).isNotEqualTo(TicketStatus.CLOSED);
    }

    private MimeMessage newTicketNotice(Harness h) {
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer on fire", "Help, it burns."));
        return awaitMail(BOB, "New ticket").get(0);
    }

    private List<MimeMessage> awaitMail(String to, String subjectPrefix) {
        return Await.value("mail '" + subjectPrefix + "' to " + to, WAIT, () -> harness.mailTo(to, subjectPrefix),
                l -> !l.isEmpty());
    }
}
