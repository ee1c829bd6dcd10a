package org.postdesk.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LoopGuardTest {

    private static final String HUMAN = "alice@example.com";
    private final LoopGuard guard =
            new LoopGuard(Set.of("support@postdesk.example", "Notify@Postdesk.example"), "postdesk.example");

    private static Map<String, List<String>> header(String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("subject", List.of("printer broken"));
        headers.put(name, List.of(value));
        return headers;
    }

    @Test
    void ordinaryMailIsHuman() {
        Map<String, List<String>> headers = Map.of(
                "subject", List.of("printer broken"),
                "content-type", List.of("multipart/mixed; boundary=x"),
                "return-path", List.of("<alice@example.com>"));

        assertEquals(AutomationVerdict.human(), guard.check(headers, HUMAN));
    }

    @Test
    void noHeadersAtAllIsHuman() {
        assertEquals(AutomationVerdict.human(), guard.check(Map.of(), HUMAN));
        assertEquals(AutomationVerdict.human(), guard.check(null, HUMAN));
    }

    @ParameterizedTest(name = "{0}: {1} -> \"{2}\"")
    @CsvSource(delimiter = '|', value = {
        "auto-submitted|auto-replied|Auto-Submitted: auto-replied",
        "auto-submitted|auto-generated|Auto-Submitted: auto-generated",
        "auto-submitted|Auto-Replied; owner-email=\"x@y\"|Auto-Submitted: Auto-Replied; owner-email=\"x@y\"",
        "auto-submitted|auto-notified|Auto-Submitted: auto-notified",
        "auto-submitted|''|'Auto-Submitted: '",
        "precedence|bulk|Precedence: bulk",
        "precedence|JUNK|Precedence: junk",
        "precedence|' list '|Precedence: list",
        "precedence|auto_reply|Precedence: auto_reply",
        "list-id|<users.lists.example.org>|List-Id: <users.lists.example.org>",
        "list-id|''|'List-Id: '",
        "list-unsubscribe|<mailto:leave@lists.example.org>|List-Unsubscribe present",
        "x-auto-response-suppress|All|X-Auto-Response-Suppress: All",
        "x-auto-response-suppress|OOF, AutoReply|X-Auto-Response-Suppress: OOF, AutoReply",
        "x-loop|postdesk.example|X-Loop: postdesk.example",
        "x-loop|support@POSTDESK.example|X-Loop: support@POSTDESK.example",
        "return-path|<>|Return-Path: <> (bounce)",
        "return-path|< >|Return-Path: <> (bounce)",
        "content-type|multipart/report; report-type=delivery-status; boundary=x"
                + "|Content-Type: multipart/report (delivery-status)",
        "content-type|Multipart/Report; report-type=\"disposition-notification\""
                + "|Content-Type: multipart/report (disposition-notification)",
        "x-autoreply|yes|X-Autoreply present",
        "x-autorespond|''|X-Autorespond present",
        "Auto-Submitted|auto-replied|Auto-Submitted: auto-replied",
    })
    void automationHeadersAreRecognised(String name, String value, String reason) {
        assertEquals(AutomationVerdict.automated(reason), guard.check(header(name, value), HUMAN));
    }

    @ParameterizedTest(name = "{0}: {1} is human")
    @CsvSource(delimiter = '|', value = {
        "auto-submitted|no",
        "auto-submitted|No",
        "auto-submitted|' no '",
        "auto-submitted|no (written by a person)",
        "auto-submitted|no; x=y",
        "precedence|normal",
        "precedence|first-class",
        "x-auto-response-suppress|''",
        "x-loop|someone-else.example",
        "return-path|<alice@example.com>",
        "content-type|multipart/mixed; boundary=report-type",
        "content-type|text/plain; charset=utf-8",
    })
    void lookAlikeHeadersAreHuman(String name, String value) {
        assertEquals(AutomationVerdict.human(), guard.check(header(name, value), HUMAN));
    }

    @Test
    void foldedHeaderValuesAreUnfolded() {
        var headers = header("auto-submitted", "auto-replied;\r\n\towner-email=x@y");

        assertTrue(guard.check(headers, HUMAN).automated());
    }

    @Test
    void anyOfSeveralValuesCounts() {
        var headers = Map.of("x-loop", List.of("other.example", "postdesk.example"));

        assertEquals("X-Loop: postdesk.example", guard.check(headers, HUMAN).reason());
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "MAILER-DAEMON@mx.example.com|sender mailer-daemon@mx.example.com is a mailer",
        "mailer_daemon@mx.example.com|sender mailer_daemon@mx.example.com is a mailer",
        "postmaster@example.com|sender postmaster@example.com is a mailer",
        "no-reply@example.com|sender no-reply@example.com is a mailer",
        "noreply@github.com|sender noreply@github.com is a mailer",
        "no_reply@example.com|sender no_reply@example.com is a mailer",
        "NoReply+abc@example.com|sender noreply+abc@example.com is a mailer",
        "noreply-billing@example.com|sender noreply-billing@example.com is a mailer",
        "do-not-reply@example.com|sender do-not-reply@example.com is a mailer",
        "donotreply@example.com|sender donotreply@example.com is a mailer",
        "do_not_reply@example.com|sender do_not_reply@example.com is a mailer",
        "support@postdesk.example|sender support@postdesk.example is our own address",
        "SUPPORT@postdesk.example|sender support@postdesk.example is our own address",
        "notify@postdesk.example|sender notify@postdesk.example is our own address",
        "Support Desk <support@postdesk.example>|sender support@postdesk.example is our own address",
        "<>|empty sender (bounce)",
        "'   '|empty sender (bounce)",
    })
    void automatedSendersAreRecognised(String from, String reason) {
        assertEquals(AutomationVerdict.automated(reason), guard.check(Map.of(), from));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void nullSenderIsABounce(String from) {
        assertEquals(AutomationVerdict.automated("empty sender (bounce)"), guard.check(Map.of(), from));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "alice@example.com", "reply@example.com", "norelpy-alice@example.com", "daemon@example.com",
        "post@example.com", "noah@example.com", "support@other.example", "Alice <alice@example.com>",
        "mailer@example.com",
    })
    void peopleAreHuman(String from) {
        assertFalse(guard.check(Map.of(), from).automated(), from);
    }

    @Test
    void headersAreCheckedBeforeTheSender() {
        assertEquals("Auto-Submitted: auto-replied",
                guard.check(header("auto-submitted", "auto-replied"), "noreply@example.com").reason());
    }

    @Test
    void blankLoopMarkerIsRefusedBecauseItWouldMatchEverything() {
        assertThrows(IllegalArgumentException.class, () -> new LoopGuard(Set.of(), " "));
        assertThrows(IllegalArgumentException.class, () -> new LoopGuard(Set.of(), null));
    }

    @Test
    void verdictNeedsAReasonWhenAutomated() {
        assertThrows(IllegalArgumentException.class, () -> new AutomationVerdict(true, " "));
        assertEquals(new AutomationVerdict(false, ""), AutomationVerdict.human());
    }
}
