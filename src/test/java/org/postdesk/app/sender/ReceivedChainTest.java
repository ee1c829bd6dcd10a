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
}
