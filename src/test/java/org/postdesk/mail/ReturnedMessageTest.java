package org.postdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Bounces as real mail systems write them: the id of the returned message, or nothing. */
class ReturnedMessageTest {
    private static final MimeParser PARSER = new MimeParser(1 << 20);

    private static InboundMessage parse(String raw) {
        return PARSER.parse(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void postfixDeliveryStatusNotificationWithReturnedHeaders() {
        String raw = """
                From: MAILER-DAEMON@mx.example.test (Mail Delivery System)
                Subject: Undelivered Mail Returned to Sender
                To: support@help.example.test
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status;
                \tboundary="B1"
                Message-Id: <20261123100000.ABC@mx.example.test>

                --B1
                Content-Description: Notification
                Content-Type: text/plain; charset=us-ascii

                This is the mail system at host mx.example.test.
                I'm sorry to have to inform you that your message could not
                be delivered to one or more recipients.

                <gone@customer.test>: host mx.customer.test said: 550 5.1.1 User unknown

                --B1
                Content-Description: Delivery report
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.test
                Final-Recipient: rfc822; gone@customer.test
                Action: failed
                Status: 5.1.1

                --B1
                Content-Description: Undelivered Message Headers
                Content-Type: text/rfc822-headers

                From: Support <support@help.example.test>
                To: gone@customer.test
                Subject: [Support #1234] Printer on fire
                Message-ID:
                 <8d7c6b5a-0000-4000-8000-000000000001@help.example.test>
                Auto-Submitted: auto-replied

                --B1--
                """;
        assertThat(ReturnedMessage.messageId(parse(raw)))
                .contains("<8d7c6b5a-0000-4000-8000-000000000001@help.example.test>");
    }

    @Test
    void exchangeNonDeliveryReportWithTheWholeMessageReturned() {
        String raw = """
                From: postmaster@corp.example.test
                To: support@help.example.test
                Subject: Undeliverable: [Support #1234] Printer on fire
                Content-Type: multipart/report; report-type=delivery-status; boundary="NDR"
                Message-ID: <ndr-1@corp.example.test>

                --NDR
                Content-Type: text/plain; charset="us-ascii"

                Delivery has failed to these recipients or groups:
                gone@corp.example.test
                --NDR
                Content-Type: message/delivery-status

                Action: failed
                Status: 5.1.10
                --NDR
                Content-Type: message/rfc822

                From: Support <support@help.example.test>
                To: gone@corp.example.test
                Message-ID: <answer-42@help.example.test>
                Subject: [Support #1234] Printer on fire
                Content-Type: text/plain

                Put it out with a blanket.
                --NDR--
                """;
        assertThat(ReturnedMessage.messageId(parse(raw))).contains("<answer-42@help.example.test>");
    }

    @Test
    void qmailStyleBounceQuotesTheOriginalInItsText() {
        String raw = """
                From: MAILER-DAEMON@old.example.test
                To: support@help.example.test
                Subject: failure notice
                Message-ID: <qmail-1@old.example.test>

                Hi. This is the qmail-send program at old.example.test.
                I'm afraid I wasn't able to deliver your message to the following addresses.

                <gone@old.example.test>:
                Sorry, no mailbox here by that name. (#5.1.1)

                --- Below this line is a copy of the message.

                Return-Path: <support@help.example.test>
                Message-Id: <ack-7@help.example.test>
                Subject: [Support #77] Hello
                """;
        assertThat(ReturnedMessage.messageId(parse(raw))).contains("<ack-7@help.example.test>");
    }

    @Test
    void aCustomerForwardingAMessageIsNotABounce() {
        String raw = """
                From: Ann <ann@customer.test>
                To: support@help.example.test
                Subject: Fwd: your answer
                Content-Type: multipart/mixed; boundary="F"
                Message-ID: <fwd-1@customer.test>

                --F
                Content-Type: text/plain

                See below.
                Message-ID: <not-this@help.example.test>
                --F
                Content-Type: message/rfc822

                From: Support <support@help.example.test>
                Message-ID: <answer-42@help.example.test>
                Subject: hi

                text
                --F--
                """;
        assertThat(ReturnedMessage.messageId(parse(raw))).isEmpty();
    }

    @Test
    void aReportThatReturnsNothingNamesNothing() {
        String raw = """
                From: MAILER-DAEMON@mx.example.test
                To: support@help.example.test
                Subject: Delayed Mail (still being retried)
                Content-Type: multipart/report; report-type=delivery-status; boundary="B"

                --B
                Content-Type: text/plain

                Your message is delayed.
                --B
                Content-Type: message/delivery-status

                Action: delayed
                --B--
                """;
        assertThat(ReturnedMessage.messageId(parse(raw))).isEmpty();
    }

    @Test
    void aFailureReportFailsWithTheServersReasonAndADelayReportDoesNot() {
        String failed = """
                From: MAILER-DAEMON@mx.example.test
                To: support@help.example.test
                Subject: Undelivered Mail Returned to Sender
                Content-Type: multipart/report; report-type=delivery-status; boundary="B"

                --B
                Content-Type: text/plain

                Sorry.
                --B
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.test

                Final-Recipient: rfc822; gone@customer.test
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 <gone@customer.test>:
                    Recipient address rejected: User unknown
                --B--
                """;
        InboundMessage bounce = parse(failed);
        assertThat(ReturnedMessage.failed(bounce)).isTrue();
        assertThat(ReturnedMessage.reason(bounce))
                .isEqualTo("550 5.1.1 <gone@customer.test>: Recipient address rejected: User unknown");

        InboundMessage delayed = parse(failed.replace("Action: failed", "Action: delayed"));
        assertThat(ReturnedMessage.failed(delayed)).isFalse();
        assertThat(ReturnedMessage.failed(parse("From: Ann <ann@customer.test>\nSubject: hi\n\nhello\n"))).isFalse();
    }

    @Test
    void theBounceFixtureFromTheParserTestsNamesItsOriginal() {
        InboundMessage bounce = PARSER.parse(Fixtures.eml("bounce.eml"));
        assertThat(ReturnedMessage.messageId(bounce)).contains("<outbound-77@postdesk.test>");
    }
}
