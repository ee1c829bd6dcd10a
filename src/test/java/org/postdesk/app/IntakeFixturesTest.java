package org.postdesk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postdesk.mail.Attachment;
import org.postdesk.mail.InboundMessage;
import org.postdesk.mail.MimeParser;
import org.postdesk.tickets.AutomationVerdict;
import org.postdesk.tickets.Deliverability;
import org.postdesk.tickets.LoopGuard;

/**
 * One raw RFC 5322 fixture per defect class of issue 15, each read as a help desk must read it: the
 * decoded sender, subject, body and attachment names, and whether the sender gets an acknowledgement.
 * Fixtures live in {@code src/test/resources/mail/intake}; where line ends matter there are CRLF, LF and
 * CR variants.
 */
class IntakeFixturesTest {

    private final MimeParser parser = new MimeParser(10_000_000);
    private final LoopGuard guard = new LoopGuard(Set.of("support@postdesk.test"), "postdesk.test");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # header section recovery
        leading-whitespace-line.crlf.eml | anna@example.com | Printer on floor 3 | The printer on floor 3 jams. | - | ack
        leading-whitespace-line.lf.eml   | anna@example.com | Printer on floor 3 | The printer on floor 3 jams. | - | ack
        leading-whitespace-line.cr.eml   | anna@example.com | Printer on floor 3 | The printer on floor 3 jams. | - | ack
        leading-blank-line.crlf.eml      | anna@example.com | Printer on floor 3 | The printer on floor 3 jams. | - | ack
        leading-blank-line.lf.eml        | anna@example.com | Printer on floor 3 | The printer on floor 3 jams. | - | ack
        leading-blank-line.cr.eml        | anna@example.com | Printer on floor 3 | The printer on floor 3 jams. | - | ack
        indented-first-header.crlf.eml   | anna@example.com | Printer on floor 3 | The printer on floor 3 jams. | - | ack
        indented-first-header.lf.eml     | anna@example.com | Printer on floor 3 | The printer on floor 3 jams. | - | ack
        indented-first-header.cr.eml     | anna@example.com | Printer on floor 3 | The printer on floor 3 jams. | - | ack
        unindented-continuation.crlf.eml | anna@example.com | Printer on floor 3 jams every morning | The printer on floor 3 jams. | - | ack
        unindented-continuation.lf.eml   | anna@example.com | Printer on floor 3 jams every morning | The printer on floor 3 jams. | - | ack
        unindented-continuation.cr.eml   | anna@example.com | Printer on floor 3 jams every morning | The printer on floor 3 jams. | - | ack
        mixed-line-ends.eml              | anna@example.com | Printer on floor 3 | The printer on floor 3 jams. | - | ack
        missing-separator.eml            | anna@example.com | Printer on floor 3 | The printer on floor 3 jams. | - | ack
        junk-line-before-headers.eml     | petr@example.cz  | Contact from the web form | Text: Jsem přesvědčen, že garáž není jeho. | - | ack
        # a missing separator before a multipart preamble line (enmime's qp-utf8-header-no-break): the preamble is body
        preamble-without-separator.crlf.eml | nora@example.se | Invoice 7781 is wrong | Invoice 7781 charges us twice for the same licence. | - | ack
        preamble-without-separator.lf.eml   | nora@example.se | Invoice 7781 is wrong | Invoice 7781 charges us twice for the same licence. | - | ack
        # text: charsets, labels and raw 8-bit headers
        latin1-german.eml        | jm@example.de       | Grüße | aaäöüß | - | ack
        utf7.eml                 | old@example.org     | Hi Mom -☺-! | Hi Mom -☺-! Café | - | ack
        iso2022jp-ms.eml         | tanaka@example.jp   | ① order | ①② 注文 | - | ack
        raw-utf8-headers.eml     | juergen@example.de  | Rechnung für März | Grüße aus München | Übersicht.pdf | ack
        raw-gb2312-headers.eml   | wang@example.cn     | 我的订单没有收到，请帮忙查询 | 您好，我的订单还没有收到。喆 | - | ack
        raw-shiftjis-headers.eml | yamada@example.jp   | 注文について問い合わせ | 注文がまだ届いていません。 | 請求書.xls | ack
        misspelt-labels.eml      | bad@example.com     | labels | Überweisung erhalten\\n\\nplain ascii | - | ack
        legacy-charsets.eml      | legacy@example.com  | legacy | 您好，帳單有誤\\n\\n안녕하세요 주문 문의\\n\\nДобрий день, їжак і ґанок | - | ack
        # C1 controls in UTF-8 text (windows-1252 bytes once misread as Latin-1): read as windows-1252, as browsers do
        c1-controls.eml          | lena@example.de     | Price in the offer | The offer says 120 € but the invoice says 140 € – which one is right? | - | ack
        # a text part labelled base64 that is plain text (enmime's mime-bad-content-transfer-encoding): the text as written
        base64-label-on-plain-text.eml | omar@example.com | Alarm panel offline | The alarm panel  in building B went offline at 23:10\\nand has not  come back since. | - | ack
        # the body a person would read
        empty-plain-beside-html.eml   | orders@shop.example | Your order | Order 42 has shipped. | - | ack
        view-in-browser.eml           | carla@example.com   | Refund request | Hello,\\n\\nI returned the shoes on Monday and would like my refund of 59 EUR to be paid back to my card, please. | - | ack
        inline-text-with-filename.eml | dan@example.com     | Log output | The sync fails every night at 02:00. | screen.png | ack
        forwarded-rfc822.eml          | eve@corp.example    | Fwd: Wrong invoice | See the customer's mail attached. | Wrong invoice March.eml | ack
        html-entities.eml             | gina@example.com    | Entities | Café … cafÉ → ≂̸ & €5 ½ end | - | ack
        named-text-without-disposition.eml | ravi@example.org | Nightly export fails | The nightly export stopped on Friday. | export.log | ack
        # a named text part that holds binary data (a GIF labelled text/plain, enmime's chardet-fail) is a file, not text
        binary-in-text-part.eml       | ida@example.no      | Scan of the broken part | '' | scan.txt | ack
        # a file name given only as Content-Type's file= (enmime's attachment-octet; enmime reads it so)
        content-type-file-param.eml   | kai@example.hk      | Installer crashes | The installer crashes at 80 %; the log is attached. | install.log | ack
        # structure: a multipart boundary given only in RFC 2231 form (boundary*=)
        rfc2231-boundary.eml          | mia@example.net     | Signed question | How do I export my invoices? | invoice.pdf | ack
        # uuencode: a file pasted into the text (Lotus Notes), and a part with Content-Transfer-Encoding x-uuencode
        uuencoded-in-text.eml          | ole@example.no      | Log from the night run | Here is the log of last night's run.\\n\\n(See attached file: night.log)\\n\\nRegards,\\nOle | night.log | ack
        uuencode-transfer-encoding.eml | lon@example.com     | Comments attached | Attached are our comments. | comments.txt | ack
        # robots: stored, never acknowledged
        vacation-en.eml    | ian@corp.example    | Auto reply: [Support #10018] Printer | I am out of the office until Monday. | - | no
        vacation-ru.eml    | olga@corp.example   | Автоответ: Принтер | Я в отпуске до понедельника. | - | no
        vacation-uk.eml    | oksana@corp.example | Автовідповідь: Принтер | Я у відпустці до понеділка. | - | no
        vacation-de.eml    | jens@corp.example   | Abwesenheitsnotiz: Drucker | Ich bin bis Montag nicht im Büro. | - | no
        vacation-fr.eml    | luc@corp.example    | Réponse automatique : Imprimante | Je suis absent jusqu'à lundi. | - | no
        vacation-es.eml    | lucia@corp.example  | Respuesta automática: Impresora | Estoy fuera hasta el lunes. | - | no
        mlserver-error.eml | lists@lists.example | Command error | Your command was not understood. | - | no
        mailman-digest.eml | users@lists.example | Users Digest, Vol 12, Issue 3 | Today's topics: ... | - | no
        mailing-list-header.eml | group@groups.example | New topic | A new topic was posted. | - | no
        list-help-only.eml | news@news.example   | Weekly news | This week... | - | no
        sender-admin.eml   | jo@example.org      | Re: meeting | Forwarded by the list. | - | no
        sender-request.eml | jo@example.org      | Re: meeting | Via list. | - | no
        sender-bounces.eml | jo@example.org      | Re: meeting | Via list. | - | no
        from-owner.eml     | owner-staff@lists.example | Your subscription | Please confirm. | - | no
        x-autorespond.eml  | shop@shop.example   | We got your mail | Thanks, we will answer soon. | - | no
        x-auto-response-suppress.eml | room4@corp.example | Accepted: meeting | Accepted. | - | no
        qmail-bounce.eml    | mail@mx.example.net    | failure notice | Hi. This is the qmail-send program at mx.example.net. | - | no
        sendmail-bounce.eml | mail@old.example.net   | Returned mail: see transcript for details | The original message was received at Tue, 3 Dec 2024 10:00:00 GMT | - | no
        exchange-ndr.eml    | exchange@corp.example  | Undeliverable: Re: [Support #10018] Printer | Delivery has failed to these recipients or groups: | - | no
        postfix-broken.eml  | mailer@mx.example.org  | Undelivered Mail Returned to Sender | This is the mail system at host mx.example.org. | delivery-status.txt | no
        arf-in-mixed.eml    | abuse@isp.example      | Complaint about message from 192.0.2.1 | This is an email abuse report for an email message received from IP 192.0.2.1. | feedback-report.txt;rfc822-headers.txt | no
        # senders that cannot receive mail
        from-dot-domain.eml | kim@example.com. | Help with login | I cannot log in. | - | no
        from-no-domain.eml  | -                | Help with login | I cannot log in either. | - | no
        from-spaced-local-part.eml | pat doe@example.com | Printer offline | The printer in room 4 is offline. | - | no
        # a quoted local part is a valid address: the sender, not a robot without one
        from-quoted-local-part.eml | "jo ann"@example.org | Cannot reset my password | The reset link says it has expired. | - | ack
        # several From fields, the first without an address: the first that has one is the sender
        from-second-field.eml | lin.wei@example.cn | Order 7731 not delivered | My order 7731 has not arrived yet. | - | ack
        """)
    void fixtureIsReadAsAHelpDeskMustReadIt(String fixture, String from, String subject, String bodyStart,
                                            String attachments, String ack) {
        InboundMessage m = parser.parse(read(fixture));
        assertEquals(from, m.from() == null ? null : m.from().address(), "from of " + fixture);
        assertEquals(subject, m.subject(), "subject of " + fixture);
        String expectedBody = bodyStart.replace("\\n", "\n");
        assertTrue(m.textBody().startsWith(expectedBody),
                () -> fixture + ": body should start with [" + expectedBody + "] but is [" + m.textBody() + "]");
        List<String> names = m.attachments().stream().map(Attachment::filename).toList();
        assertEquals(attachments == null ? List.of() : List.of(attachments.split(";")), names, "attachments of " + fixture);
        assertEquals(ack.equals("ack"), acknowledged(m), () -> fixture + ": " + guard.check(InboundFacts.signals(m)));
    }

    /** The acknowledgement decision of TicketWriter without the database: not a robot, and an address that can receive mail. */
    private boolean acknowledged(InboundMessage m) {
        AutomationVerdict verdict = guard.check(InboundFacts.signals(m));
        return !verdict.automated() && m.from() != null && Deliverability.problem(m.from().address()).isEmpty();
    }

    private static byte[] read(String fixture) {
        try (InputStream in = IntakeFixturesTest.class.getResourceAsStream("/mail/intake/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /mail/intake/" + fixture);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
