package org.postdesk.app.sender;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthenticationResultsTest {
    private static final SenderTrust GOOGLE = new SenderTrust(Set.of("mx.google.com"), Set.of());
    private static final SenderTrust MICROSOFT = new SenderTrust(Set.of("microsoft-365"), Set.of());

    private static Optional<String> pass(List<String> headers, String fromDomain, SenderTrust trust) {
        return AuthenticationResults.passFor(headers, fromDomain, trust, Map.of())
                .map(AuthenticationResults.Pass::detail);
    }

    private static final String SIGNED_FROM = "v=1; a=rsa-sha256; c=relaxed/relaxed; d=agents.test; s=google;"
            + " h=from:to:subject:date:message-id; bh=Zm9v; b=AbC123dEf456\r\n\tGhI789";
    private static final String SIGNED_ALL = "v=1; a=rsa-sha256; d=agents.test; s=other;"
            + " h=from:to:subject:in-reply-to:references; bh=Zm9v; b=ZzZz9999";

    private static Map<String, List<String>> mail(String... signatures) {
        return Map.of("from", List.of("bob@agents.test"), "to", List.of("support@example.test"),
                "subject", List.of("Re: x"), "in-reply-to", List.of("<pd1.x@example.test>"),
                "dkim-signature", List.of(signatures));
    }

    @Test
    void aDkimPassVouchesOnlyForTheFieldsThePassingSignatureSigns() {
        String h = "mx.google.com; dkim=pass header.i=@agents.test header.s=google header.b=AbC123dE;"
                + " spf=softfail smtp.mailfrom=relay.evil.test";
        ProvenParts parts = AuthenticationResults.passFor(List.of(h), "agents.test", GOOGLE,
                mail(SIGNED_FROM, SIGNED_ALL)).orElseThrow().parts();
        assertThat(parts.coversHeader("From")).isTrue();
        assertThat(parts.coversHeader("In-Reply-To")).isFalse();
        assertThat(parts.coversBody()).isTrue();
        // The other signature of the domain passes: then its fields are covered.
        String other = "mx.google.com; dkim=pass header.d=agents.test header.b=ZzZz9999";
        assertThat(AuthenticationResults.passFor(List.of(other), "agents.test", GOOGLE, mail(SIGNED_FROM, SIGNED_ALL))
                .orElseThrow().parts().coversHeader("in-reply-to")).isTrue();
    }

    @Test
    void withoutHeaderBOnlyWhatEverySignatureOfTheDomainSignsCounts() {
        // A forger adds a broken signature of the domain that lists In-Reply-To: it must not widen the proof.
        String h = "mx.google.com; dkim=pass header.d=agents.test";
        ProvenParts parts = AuthenticationResults.passFor(List.of(h), "agents.test", GOOGLE,
                mail(SIGNED_FROM, SIGNED_ALL)).orElseThrow().parts();
        assertThat(parts.coversHeader("from")).isTrue();
        assertThat(parts.coversHeader("in-reply-to")).isFalse();
        assertThat(AuthenticationResults.passFor(List.of(h), "agents.test", GOOGLE, mail(SIGNED_ALL))
                .orElseThrow().parts().coversHeader("in-reply-to")).isTrue();
        String limited = SIGNED_ALL.replace("bh=", "l=10; bh=");
        assertThat(AuthenticationResults.passFor(List.of(h), "agents.test", GOOGLE, mail(limited))
                .orElseThrow().parts().coversBody()).isFalse();
        assertThat(AuthenticationResults.passFor(List.of(h), "agents.test", GOOGLE, mail())
                .orElseThrow().parts()).isEqualTo(ProvenParts.nothing());
    }

    @Test
    void anAlignedSpfPassBesideItVouchesForTheWholeMail() {
        String h = "mx.google.com; dkim=pass header.d=agents.test; spf=pass smtp.mailfrom=bob@agents.test";
        assertThat(AuthenticationResults.passFor(List.of(h), "agents.test", GOOGLE, mail(SIGNED_FROM))
                .orElseThrow().parts().coversHeader("in-reply-to")).isTrue();
    }

    @Test
    void gmailsPassForTheFromDomainCounts() {
        String h = "mx.google.com; dkim=pass header.i=@agents.test header.s=google header.b=AbC123;"
                + " spf=pass (google.com: domain of bob@agents.test designates 1.2.3.4 as permitted sender)"
                + " smtp.mailfrom=bob@agents.test; dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=agents.test";
        assertThat(pass(List.of(h), "agents.test", GOOGLE))
                .contains("mx.google.com: dkim=pass header.d=agents.test with an aligned spf=pass");
    }

    @Test
    void microsoft365sHeaderWithoutAnAuthservIdCountsOnlyWhenTrustedAsSuch() {
        String h = "spf=pass (sender IP is 40.107.1.2) smtp.mailfrom=agents.test; dkim=none (message not signed)"
                + " header.d=none;dmarc=pass action=none header.from=agents.test;compauth=pass reason=100";
        assertThat(pass(List.of(h), "agents.test", MICROSOFT))
                .contains("microsoft-365: dmarc=pass header.from=agents.test with an aligned spf=pass");
        assertThat(pass(List.of(h), "agents.test", GOOGLE)).isEmpty();
    }

    @Test
    void anUntrustedServersPassIsIgnored() {
        String h = "mail.evil.test; dkim=pass header.d=agents.test; dmarc=pass header.from=agents.test";
        assertThat(pass(List.of(h), "agents.test", GOOGLE)).isEmpty();
    }

    @Test
    void aForgedTrustedHeaderBelowTheReceivingServersOwnIsNeverRead() {
        String genuine = "mx.google.com; dkim=none; spf=softfail smtp.mailfrom=evil.test; dmarc=fail header.from=agents.test";
        String forged = "mx.google.com; dkim=pass header.d=agents.test; dmarc=pass header.from=agents.test";
        assertThat(pass(List.of(genuine, forged), "agents.test", GOOGLE)).isEmpty();
    }

    @Test
    void aPassForAnotherDomainOrInACommentDoesNotCount() {
        assertThat(pass(List.of("mx.google.com; dkim=pass header.d=evil.test"),
                "agents.test", GOOGLE)).isEmpty();
        assertThat(pass(List.of("mx.google.com; dkim=fail (dkim=pass header.d=agents.test)"
                + " header.d=agents.test"), "agents.test", GOOGLE)).isEmpty();
        assertThat(pass(List.of("mx.google.com; dkim=pass header.d=test"),
                "agents.test", GOOGLE)).isEmpty();
    }

    @Test
    void aSigningParentDomainIsAligned() {
        assertThat(AuthenticationResults.aligned("agents.test", "eu.agents.test")).isTrue();
        assertThat(AuthenticationResults.aligned("eu.agents.test", "agents.test")).isFalse();
        assertThat(AuthenticationResults.aligned("gents.test", "agents.test")).isFalse();
    }
}
