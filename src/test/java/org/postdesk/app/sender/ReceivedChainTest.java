package org.postdesk.app.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReceivedChainTest {
    private static final Set<String> BOB = Set.of("bob@agents.test");
    private static final SenderTrust TRUST = new SenderTrust(Set.of(), Set.of("mail.agents.test"));
    private static final String LMTP = "from mail.agents.test by mail.agents.test with LMTP id 4Kx (envelope-from"
            + " <bob@agents.test>) for <support@agents.test>; Mon, 23 Nov 2026 10:05:01 +0000";
    private static final String AUTHENTICATED = "from [192.168.1.20] (unknown [203.0.113.7]) (Authenticated sender:"
            + " bob@agents.test) by mail.agents.test (Postfix) with ESMTPSA id 4Kx for <support@agents.test>;"
            + " Mon, 23 Nov 2026 10:05:00 +0000";
    private static final String UNAUTHENTICATED = "from attacker.evil.test (unknown [198.51.100.9]) by mail.agents.test"
            + " (Postfix) with ESMTP id 9Zz for <support@agents.test>; Mon, 23 Nov 2026 10:05:00 +0000";

    @Test
    void smtpAuthAsTheAgentRecordedByATrustedRelayCounts() {
        assertThat(ReceivedChain.authenticatedAs(List.of(LMTP, AUTHENTICATED), BOB, TRUST))
                .contains("SMTP AUTH as bob@agents.test recorded by mail.agents.test");
    }

    @Test
    void aForgedAuthenticatedHeaderBelowTheUnauthenticatedEntryDoesNothing() {
        assertThat(ReceivedChain.authenticatedAs(List.of(LMTP, UNAUTHENTICATED, AUTHENTICATED), BOB, TRUST)).isEmpty();
    }

    @Test
    void aClientNamingItselfAfterTheTrustedServerIsStillAnEntry() {
        String helo = "from mail.agents.test (unknown [198.51.100.9]) by mail.agents.test (Postfix) with ESMTP id 1;"
                + " Mon, 23 Nov 2026 10:05:00 +0000";
        String eximHelo = "from [198.51.100.9] (helo=localhost) by mail.agents.test with esmtp (Exim 4.96) id 1;"
                + " Mon, 23 Nov 2026 10:05:00 +0000";
        assertThat(ReceivedChain.authenticatedAs(List.of(helo, AUTHENTICATED), BOB, TRUST)).isEmpty();
        assertThat(ReceivedChain.authenticatedAs(List.of(eximHelo, AUTHENTICATED), BOB, TRUST)).isEmpty();
    }

    @Test
    void aTopHeaderFromAnUntrustedServerStopsTheChain() {
        String other = "from mail.agents.test by mx.other.test with ESMTP id 1; Mon, 23 Nov 2026 10:05:02 +0000";
        assertThat(ReceivedChain.authenticatedAs(List.of(other, AUTHENTICATED), BOB, TRUST)).isEmpty();
        assertThat(ReceivedChain.authenticatedAs(List.of(AUTHENTICATED), BOB, SenderTrust.none())).isEmpty();
    }

    @Test
    void authenticationAsSomebodyElseDoesNotProveTheAgent() {
        String eve = AUTHENTICATED.replace("bob@", "eve@");
        assertThat(ReceivedChain.authenticatedAs(List.of(eve), BOB, TRUST)).isEmpty();
    }

    @Test
    void theLoopbackIsInsideThePathOnlyWhenListed() {
        String amavis = "from localhost (localhost [127.0.0.1]) by mail.agents.test (Postfix) with ESMTP id 2;"
                + " Mon, 23 Nov 2026 10:05:01 +0000";
        // A local program speaking SMTP to the loopback, unauthenticated, cannot vouch for a forgery below it.
        assertThat(ReceivedChain.authenticatedAs(List.of(LMTP, amavis, AUTHENTICATED), BOB, TRUST)).isEmpty();
        SenderTrust withFilter = new SenderTrust(Set.of(), Set.of("mail.agents.test", "127.0.0.1"));
        assertThat(ReceivedChain.authenticatedAs(List.of(LMTP, amavis, AUTHENTICATED), BOB, withFilter)).isPresent();
    }

    @Test
    void eximAndDovecotRecordAnAuthenticatedProtocolWithTheEnvelopeSender() {
        String exim = "from [203.0.113.7] (helo=[192.168.1.20]) by mail.agents.test with esmtpsa (TLS1.3)"
                + " tls TLS_AES_256_GCM_SHA384 (Exim 4.96) (envelope-from <bob@agents.test>) id 1rA2bC-000123-4d"
                + " for support@agents.test; Mon, 23 Nov 2026 10:05:00 +0000";
        String courier = "from laptop (laptop [203.0.113.7]) (AUTH: LOGIN bob@agents.test, TLS: TLSv1.3,256bits)"
                + " by mail.agents.test with ESMTPSA; Mon, 23 Nov 2026 10:05:00 +0000";
        assertThat(ReceivedChain.authenticatedAs(List.of(exim), BOB, TRUST)).isPresent();
        assertThat(ReceivedChain.authenticatedAs(List.of(courier), BOB, TRUST)).isPresent();
        assertThat(ReceivedChain.authenticatedAs(List.of(exim.replace("esmtpsa", "esmtps")), BOB, TRUST)).isEmpty();
    }

    // Real Dovecot LMTP and Postfix port-25 headers (try-real-servers): the sender chose the quoted local parts.
    private static final SenderTrust REAL = new SenderTrust(Set.of(), Set.of("mail.example.test"));
    private static final Set<String> AGENT = Set.of("agent-c@example.test");
    private static final String QUOTED_RCPT = "\"bench-c+(Authenticated sender: agent-c@example.test)\"@example.test";
    private static final String QUOTED_SENDER = "\"x(Authenticated sender: agent-c@example.test)\"@attacker.test";

    private static String lmtp(String envelopeFrom, String rcpt) {
        return "from mail.example.test ([127.0.0.1])\r\n\tby mail.example.test with LMTP\r\n\tid lPPOOHapD2sELwAAg+zDdQ"
                + "\r\n\t(envelope-from <" + envelopeFrom + ">)\r\n\tfor <" + rcpt + ">; Wed, 02 Dec 2026 05:15:34 +0000";
    }

    private static String port25(String rcpt) {
        return "from attacker.test (localhost [127.0.0.1])\r\n\tby mail.example.test (Postfix) with ESMTP id DD1EE162549"
                + "\r\n\tfor <" + rcpt + ">; Wed,  2 Dec 2026 05:15:34 +0000 (UTC)";
    }

    @Test
    void anAuthenticatedSenderInAQuotedRecipientOrEnvelopeSenderDoesNothing() {
        assertThat(ReceivedChain.authenticatedAs(List.of(lmtp("mallory@attacker.test", QUOTED_RCPT),
                port25(QUOTED_RCPT)), AGENT, REAL)).isEmpty();
        assertThat(ReceivedChain.authenticatedAs(List.of(lmtp(QUOTED_SENDER, "bench-c@example.test"),
                port25("bench-c@example.test")), AGENT, REAL)).isEmpty();
    }

    @Test
    void aQuotedAddressCannotCloseACommentOrWriteAClause() {
        String sender = "\"a) (Authenticated sender: agent-c@example.test) by mail.example.test with ESMTPSA (x\"@evil.test";
        String rcpt = "\"bench-c+x with ESMTPSA (envelope-from <agent-c@example.test>)\"@example.test";
        assertThat(ReceivedChain.authenticatedAs(List.of(lmtp(sender, rcpt), port25(rcpt)), AGENT, REAL)).isEmpty();
        String esmtpsaFor = "from laptop ([203.0.113.7]) by mail.example.test with ESMTPSA id 1 for <" + rcpt
                + ">; Wed, 02 Dec 2026 05:15:34 +0000";
        assertThat(ReceivedChain.authenticatedAs(List.of(esmtpsaFor), AGENT, REAL)).isEmpty();
    }

    @Test
    void aHeaderWhoseQuotesOrParenthesesDoNotCloseProvesNothing() {
        String open = "from laptop (laptop [203.0.113.7]) (Authenticated sender: agent-c@example.test) by"
                + " mail.example.test (Postfix with ESMTPSA id 1; Wed, 02 Dec 2026 05:15:34 +0000";
        assertThat(ReceivedChain.authenticatedAs(List.of(open), AGENT, REAL)).isEmpty();
        assertThat(ReceivedChain.authenticatedAs(List.of(open.replace("(Postfix", "(Postfix)")), AGENT, REAL))
                .isPresent();
    }

    @Test
    void anAuthenticatedSenderAfterTheDateDoesNothing() {
        String afterDate = port25("bench-c@example.test") + "\r\n\t(Authenticated sender: agent-c@example.test)";
        assertThat(ReceivedChain.authenticatedAs(List.of(afterDate), AGENT, REAL)).isEmpty();
    }

    @Test
    void realPostfixSubmissionWithSmtpAuthBelowDovecotsLmtpCounts() {
        String submission = "from [127.0.0.1] (localhost [127.0.0.1])\r\n\t(using TLSv1.3 with cipher"
                + " TLS_AES_256_GCM_SHA384 (256/256 bits)\r\n\t key-exchange X25519 server-signature RSA-PSS (2048 bits)"
                + " server-digest SHA256)\r\n\t(No client certificate requested)\r\n\t(Authenticated sender:"
                + " agent-c@example.test)\r\n\tby mail.example.test (Postfix) with ESMTPSA id 4F12C1625B1\r\n\tfor"
                + " <bench-c@example.test>; Wed,  2 Dec 2026 05:18:07 +0000 (UTC)";
        assertThat(ReceivedChain.authenticatedAs(List.of(lmtp("agent-c@example.test", "bench-c@example.test"),
                submission), AGENT, REAL)).contains("SMTP AUTH as agent-c@example.test recorded by mail.example.test");
    }
}
