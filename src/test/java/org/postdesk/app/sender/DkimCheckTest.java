package org.postdesk.app.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.postdesk.app.sender.DkimFixture.keyOf;
import static org.postdesk.app.sender.DkimFixture.sign;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postdesk.mail.MimeParser;

/** DKIM with a key generated here: signed as jDKIM signs, verified through a key lookup that needs no DNS. */
class DkimCheckTest {
    static final String MESSAGE = "From: Bob Agent <bob@agents.test>\r\nTo: support@example.test\r\n"
            + "Subject: Re: [Support #10019] Printer\r\nMessage-ID: <r1@agents.test>\r\n"
            + "Date: Mon, 23 Nov 2026 10:05:00 +0000\r\n\r\nPlease restart it.\r\n";
    private static KeyPair keys;

    @BeforeAll
    static void generateKey() {
        keys = DkimFixture.newKey();
    }

    private static org.postdesk.mail.RawSource bytes(String s) {
        return org.postdesk.mail.RawSource.of(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<DkimCheck.Verified> verified(DkimCheck check, String raw, String domain) {
        return check.verify(bytes(raw), domain, new MimeParser(1_000_000).parse(bytes(raw)).headers());
    }

    private static Optional<String> verify(DkimCheck check, String raw, String domain) {
        return verified(check, raw, domain).map(DkimCheck.Verified::detail);
    }

    @Test
    void aSignatureVouchesOnlyForTheFieldsItSigns() {
        DkimCheck check = new DkimCheck(keyOf("agents.test", keys));
        String reply = MESSAGE.replace("Date:", "In-Reply-To: <pd1.a.b.c.d@example.test>\r\nDate:");
        ProvenParts signedReply = verified(check, sign(reply, "agents.test", keys, ""), "agents.test").orElseThrow()
                .parts();
        assertThat(signedReply.coversHeader("In-Reply-To")).isTrue();
        assertThat(signedReply.coversBody()).isTrue();
        // The agent's genuine mail had no In-Reply-To; one added afterwards is not signed, though the mail verifies.
        String added = "In-Reply-To: <pd1.a.b.c.d@example.test>\r\n" + sign(MESSAGE, "agents.test", keys, "",
                "from:to:subject:message-id:date");
        ProvenParts replayed = verified(check, added, "agents.test").orElseThrow().parts();
        assertThat(replayed.coversHeader("from")).isTrue();
        assertThat(replayed.coversHeader("in-reply-to")).isFalse();
        // A second In-Reply-To above a signed one: DKIM signed the last, Postdesk reads the first.
        String doubled = "In-Reply-To: <pd1.e.f.g.h@example.test>\r\n" + sign(reply, "agents.test", keys, "");
        assertThat(verified(check, doubled, "agents.test").orElseThrow().parts().coversHeader("in-reply-to")).isFalse();
    }

    @Test
    void aSignatureOfTheFromDomainVerifies() {
        DkimCheck check = new DkimCheck(keyOf("agents.test", keys));
        assertThat(verify(check, sign(MESSAGE, "agents.test", keys, ""), "agents.test"))
                .contains("d=agents.test s=sel");
    }

    @Test
    void aChangedBodyAnotherDomainOrABodyLengthLimitDoNotCount() {
        DkimCheck check = new DkimCheck(keyOf("agents.test", keys));
        String signed = sign(MESSAGE, "agents.test", keys, "");
        assertThat(verify(check, signed.replace("restart it", "wire money"), "agents.test")).isEmpty();
        assertThat(verify(check, signed, "other.test")).isEmpty();
        String limited = sign(MESSAGE, "agents.test", keys, "l=10; ");
        assertThat(verify(check, limited + "#assign eve\r\n", "agents.test")).isEmpty();
    }

    @Test
    void aSignatureWithAnotherKeyThanThePublishedOneFails() {
        DkimCheck check = new DkimCheck(keyOf("agents.test", keys));
        assertThat(verify(check, sign(MESSAGE, "agents.test", DkimFixture.newKey(), ""), "agents.test")).isEmpty();
        assertThat(verify(check, MESSAGE, "agents.test")).isEmpty();
    }
}
