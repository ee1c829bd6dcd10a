package org.postdesk.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postdesk.config.MailboxUrl;
import org.postdesk.config.TlsSettings;
import org.postdesk.ingest.MailFailures;
import org.postdesk.ingest.MailboxUnavailableException.Failure;

class SmtpConnectorTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(
            new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.SMTPS}))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("support@example.com", "support", "pw"));

    private static final byte[] RAW = ("Message-ID: <ack-1@postdesk.example>\r\nFrom: support@example.com\r\n"
            + "To: c@example.com\r\nSubject: [Support #10017] Received\r\n\r\nThanks.\r\n").getBytes(StandardCharsets.US_ASCII);

    private static String host() {
        return greenMail.getSmtp().getServerSetup().getBindAddress();
    }

    private static SmtpConnector smtp(String userAt, String password) {
        return new SmtpConnector("support", MailboxUrl.parseSmtp("smtp://" + userAt + host() + ":" + greenMail.getSmtp().getPort()),
                password, TlsSettings.DEFAULT);
    }

    @Test
    void sendsTheBytesWithTheirMessageId() throws Exception {
        smtp("support@", "pw").send(RAW, "support@example.com", List.of("c@example.com"));
        assertTrue(greenMail.waitForIncomingEmail(5000, 1));
        MimeMessage got = greenMail.getReceivedMessages()[0];
        assertEquals("<ack-1@postdesk.example>", got.getMessageID());
        assertEquals("[Support #10017] Received", got.getSubject());
    }

    @Test
    void oneLinkCarriesSeveralMailsAndNoticesWhenTheServerIsGone() throws Exception {
        SmtpLink link = smtp("support@", "pw").open();
        link.send(RAW, "support@example.com", List.of("c@example.com"));
        assertTrue(link.usable());
        link.send(new String(RAW, StandardCharsets.US_ASCII).replace("ack-1", "ack-2").getBytes(StandardCharsets.US_ASCII),
                "support@example.com", List.of("d@example.com"));
        assertTrue(greenMail.waitForIncomingEmail(5000, 2));
        assertEquals("<ack-2@postdesk.example>", greenMail.getReceivedMessages()[1].getMessageID());
        link.close();
        assertFalse(link.usable());
    }

    @Test
    void sendsWithoutAuthWhenTheUrlHasNoUser() throws Exception {
        smtp("", null).send(RAW, "support@example.com", List.of("c@example.com", "d@example.com"));
        assertTrue(greenMail.waitForIncomingEmail(5000, 2));
    }

    @Test
    void sendsOverImplicitTlsWhenTrusted() throws Exception {
        String url = "smtps://support@" + host() + ":" + greenMail.getSmtps().getPort();
        new SmtpConnector("support", MailboxUrl.parseSmtp(url), "pw", new TlsSettings(null, true))
                .send(RAW, "support@example.com", List.of("c@example.com"));
        assertTrue(greenMail.waitForIncomingEmail(5000, 1));
    }

    @Test
    void checkLogsIn() {
        smtp("support@", "pw").check();
    }

    @Test
    void badPasswordIsTemporaryAndClassifiedAsLogin() {
        DeliveryException e = assertThrows(DeliveryException.class, () -> smtp("support@", "wrong").check());
        assertFalse(e.permanent());
        assertEquals(Failure.AUTH, MailFailures.classify(e));
        assertFalse(e.getMessage().contains("wrong"));
    }

    @Test
    void closedPortIsTemporary() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        SmtpConnector c = new SmtpConnector("support", MailboxUrl.parseSmtp("smtp://127.0.0.1:" + port), null,
                TlsSettings.DEFAULT);
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> c.send(RAW, "support@example.com", List.of("c@example.com")));
        assertFalse(e.permanent());
        assertEquals(-1, e.smtpCode());
        assertEquals(Failure.CONNECT, MailFailures.classify(e));
    }

    @Test
    void unknownHostIsNameLookup() {
        SmtpConnector c = new SmtpConnector("support", MailboxUrl.parseSmtp("smtp://no-such-host.invalid"), null,
                TlsSettings.DEFAULT);
        assertEquals(Failure.NAME_LOOKUP, MailFailures.classify(assertThrows(DeliveryException.class, c::check)));
    }

    @Test
    void recipientRefused5xxIsPermanentWithCodeAndReply() throws Exception {
        var refused = new SMTPAddressFailedException(new InternetAddress("nobody@example.com"), "RCPT TO", 550,
                "550 5.1.1 <nobody@example.com>: user unknown");
        var send = new SendFailedException("Invalid Addresses", refused);
        DeliveryException e = SmtpFailures.delivery("support", MailboxUrl.parseSmtp("smtp://h"), send, true);
        assertTrue(e.permanent());
        assertEquals(550, e.smtpCode());
        assertTrue(e.getMessage().contains("550 5.1.1 <nobody@example.com>: user unknown"), e.getMessage());
    }

    @Test
    void greylisting4xxIsTemporary() throws Exception {
        var later = new SMTPSendFailedException("DATA", 451, "451 4.7.1 try again later", null, null, null, null);
        DeliveryException e = SmtpFailures.delivery("support", MailboxUrl.parseSmtp("smtp://h"), later, true);
        assertFalse(e.permanent());
        assertEquals(451, e.smtpCode());
    }

    @Test
    void invalidRecipientIsPermanentBeforeConnecting() {
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> smtp("", null).send(RAW, "support@example.com", List.of("not an address")));
        assertTrue(e.permanent());
    }
}
