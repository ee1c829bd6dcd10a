package org.postdesk.app.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.postdesk.app.sender.DkimFixture.keyOf;
import static org.postdesk.app.sender.DkimFixture.sign;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    @Test
    void aSignatureOfTheFromDomainVerifies() {
        DkimCheck check = new DkimCheck(keyOf("agents.test", keys));
        assertThat(check.verify(bytes(sign(MESSAGE, "agents.test", keys, "")), "agents.test"))
                .contains("d=agents.test s=sel");
    }

    @Test
    void aChangedBodyAnotherDomainOrABodyLengthLimitDoNotCount() {
        DkimCheck check = new DkimCheck(keyOf("agents.test", keys));
        String signed = sign(MESSAGE, "agents.test", keys, "");
        assertThat(check.verify(bytes(signed.replace("restart it", "wire money")), "agents.test")).isEmpty();
        assertThat(check.verify(bytes(signed), "other.test")).isEmpty();
        String limited = sign(MESSAGE, "agents.test", keys, "l=10; ");
        assertThat(check.verify(bytes(limited + "#assign eve\r\n"), "agents.test")).isEmpty();
    }

    @Test
    void aSignatureWithAnotherKeyThanThePublishedOneFails() {
        DkimCheck check = new DkimCheck(keyOf("agents.test", keys));
        assertThat(check.verify(bytes(sign(MESSAGE, "agents.test", DkimFixture.newKey(), "")), "agents.test")).isEmpty();
        assertThat(check.verify(bytes(MESSAGE), "agents.test")).isEmpty();
    }
}
