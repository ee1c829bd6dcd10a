package org.postdesk.app.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postdesk.mail.InboundMessage;
import org.postdesk.mail.MimeParser;
import org.postdesk.mail.RawSource;

/** The proof as a whole: what a forger can add to a mail that genuinely proves somebody else. */
class SenderVerifierTest {
    private static final Set<String> BOB = Set.of("bob@agents.test");
    private static KeyPair key;
    private final MimeParser parser = new MimeParser(1_000_000);

    @BeforeAll
    static void generateKey() {
        key = DkimFixture.newKey();
    }

    private SenderEvidence evaluate(String raw) {
        InboundMessage m = parser.parse(RawSource.of(raw.getBytes(StandardCharsets.UTF_8)));
        return new SenderVerifier(new SenderTrust(Set.of(), Set.of("mail.agents.test")),
                new DkimCheck(DkimFixture.keyOf("agents.test", key))).evaluate(m, BOB);
    }

    private static String mail(String from, String body) {
        return "From: " + from + "\r\nTo: support@example.test\r\nSubject: Re: [Support #10019] Printer\r\n"
                + "Message-ID: <e1@agents.test>\r\nIn-Reply-To: <pd1.1.1.1.x@example.test>\r\n"
                + "Date: Mon, 23 Nov 2026 10:05:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n";
    }

    @Test
    void aSignedMailOfTheAgentsDomainProvesTheAgent() {
        assertThat(evaluate(DkimFixture.sign(mail("Bob <bob@agents.test>", "#close"), "agents.test", key, ""))
                .method()).isEqualTo(SenderEvidence.Method.DKIM);
    }

    @Test
    void aSecondFromAboveAColleaguesSignedMailProvesNothing() {
        // Eve, a colleague at agents.test (or any user of the same mail provider), signs her own mail; the
        // forger puts Bob's From on top. DKIM covers the last From, Postdesk reads the first.
        String signed = DkimFixture.sign(mail("Eve <eve@agents.test>", "#close"), "agents.test", key, "");
        assertThat(evaluate("From: Bob <bob@agents.test>\r\n" + signed).proven()).isFalse();
    }

    @Test
    void aFromWithSeveralAddressesProvesNothing() {
        String both = "Bob <bob@agents.test>, Eve <eve@agents.test>";
        assertThat(evaluate(DkimFixture.sign(mail(both, "#close"), "agents.test", key, "")).proven()).isFalse();
        String authenticated = "Received: from [192.168.1.20] (unknown [203.0.113.7]) (Authenticated sender:"
                + " bob@agents.test) by mail.agents.test (Postfix) with ESMTPSA id 4Kx for <support@example.test>;"
                + " Mon, 23 Nov 2026 10:05:00 +0000\r\n";
        assertThat(evaluate(authenticated + mail(both, "#close")).proven()).isFalse();
        assertThat(evaluate(authenticated + mail("Bob <bob@agents.test>", "#close")).proven()).isTrue();
    }
}
