package org.postdesk.app.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticationResultsTest {
    private static final SenderTrust GOOGLE = new SenderTrust(Set.of("mx.google.com"), Set.of());
    private static final SenderTrust MICROSOFT = new SenderTrust(Set.of("microsoft-365"), Set.of());

    @Test
    void gmailsPassForTheFromDomainCounts() {
        String h = "mx.google.com; dkim=pass header.i=@agents.test header.s=google header.b=AbC123;"
                + " spf=pass (google.com: domain of bob@agents.test designates 1.2.3.4 as permitted sender)"
                + " smtp.mailfrom=bob@agents.test; dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=agents.test";
        assertThat(AuthenticationResults.passFor(List.of(h), "agents.test", GOOGLE))
                .contains("mx.google.com: dkim=pass header.d=agents.test");
    }

    @Test
    void microsoft365sHeaderWithoutAnAuthservIdCountsOnlyWhenTrustedAsSuch() {
        String h = "spf=pass (sender IP is 40.107.1.2) smtp.mailfrom=agents.test; dkim=none (message not signed)"
                + " header.d=none;dmarc=pass action=none header.from=agents.test;compauth=pass reason=100";
        assertThat(AuthenticationResults.passFor(List.of(h), "agents.test", MICROSOFT))
                .contains("microsoft-365: dmarc=pass header.from=agents.test");
        assertThat(AuthenticationResults.passFor(List.of(h), "agents.test", GOOGLE)).isEmpty();
    }

    @Test
    void anUntrustedServersPassIsIgnored() {
        String h = "mail.evil.test; dkim=pass header.d=agents.test; dmarc=pass header.from=agents.test";
        assertThat(AuthenticationResults.passFor(List.of(h), "agents.test", GOOGLE)).isEmpty();
    }

    @Test
    void aForgedTrustedHeaderBelowTheReceivingServersOwnIsNeverRead() {
        String genuine = "mx.google.com; dkim=none; spf=softfail smtp.mailfrom=evil.test; dmarc=fail header.from=agents.test";
        String forged = "mx.google.com; dkim=pass header.d=agents.test; dmarc=pass header.from=agents.test";
        assertThat(AuthenticationResults.passFor(List.of(genuine, forged), "agents.test", GOOGLE)).isEmpty();
    }

    @Test
    void aPassForAnotherDomainOrInACommentDoesNotCount() {
        assertThat(AuthenticationResults.passFor(List.of("mx.google.com; dkim=pass header.d=evil.test"),
                "agents.test", GOOGLE)).isEmpty();
        assertThat(AuthenticationResults.passFor(List.of("mx.google.com; dkim=fail (dkim=pass header.d=agents.test)"
                + " header.d=agents.test"), "agents.test", GOOGLE)).isEmpty();
        assertThat(AuthenticationResults.passFor(List.of("mx.google.com; dkim=pass header.d=test"),
                "agents.test", GOOGLE)).isEmpty();
    }

    @Test
    void aSigningParentDomainIsAligned() {
        assertThat(AuthenticationResults.aligned("agents.test", "eu.agents.test")).isTrue();
        assertThat(AuthenticationResults.aligned("eu.agents.test", "agents.test")).isFalse();
        assertThat(AuthenticationResults.aligned("gents.test", "agents.test")).isFalse();
    }
}
