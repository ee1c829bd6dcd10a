package org.postdesk.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import java.io.IOException;
import java.net.ServerSocket;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postdesk.config.MailboxUrl;
import org.postdesk.config.TlsSettings;
import org.postdesk.ingest.MailboxUnavailableException.Failure;

class ImapConnectorTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(
            new ServerSetup[] {ServerSetupTest.SMTP, ServerSetupTest.IMAP, ServerSetupTest.IMAPS}))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("support@example.com", "support", "pw"));

    private static String host() {
        return greenMail.getImap().getServerSetup().getBindAddress();
    }

    private static ImapConnector connector(String url, String password, TlsSettings tls) {
        return new ImapConnector("support", MailboxUrl.parseImap(url), password, tls);
    }

    private static ImapConnector plain(String path, String password) {
        return connector("imap://support@" + host() + ":" + greenMail.getImap().getPort() + path, password,
                TlsSettings.DEFAULT);
    }

    @Test
    void opensInboxReadWrite() throws Exception {
        GreenMailUtil.sendTextEmail("support@example.com", "c@example.com", "Hi", "body", greenMail.getSmtp().getServerSetup());
        IMAPFolder folder = plain("", "pw").open();
        try {
            assertEquals(Folder.READ_WRITE, folder.getMode());
            assertEquals("INBOX", folder.getFullName());
            assertEquals(1, folder.getMessageCount());
        } finally {
            ImapConnector.closeFolderAndStore(folder);
        }
        assertFalse(folder.getStore().isConnected());
    }

    @Test
    void checkCountsMessages() {
        ImapCheck check = plain("/INBOX", "pw").check(null);
        assertEquals(new ImapCheck("INBOX", 0, null), check);
    }

    @Test
    void badPasswordIsAuth() {
        MailboxUnavailableException e = assertThrows(MailboxUnavailableException.class, () -> plain("", "wrong").open());
        assertEquals(Failure.AUTH, e.failure());
        assertTrue(e.getMessage().startsWith("mailbox support: IMAP login at imap://"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong"));
    }

    @Test
    void missingFolderIsFolder() {
        assertEquals(Failure.FOLDER, assertThrows(MailboxUnavailableException.class,
                () -> plain("/No/Such", "pw").open()).failure());
    }

    @Test
    void missingMoveToFolderIsFolder() {
        MailboxUnavailableException e = assertThrows(MailboxUnavailableException.class,
                () -> plain("", "pw").check("Done"));
        assertEquals(Failure.FOLDER, e.failure());
        assertTrue(e.getMessage().contains("Done"), e.getMessage());
    }

    @Test
    void unknownHostIsNameLookup() {
        assertEquals(Failure.NAME_LOOKUP, assertThrows(MailboxUnavailableException.class,
                () -> connector("imap://u@no-such-host.invalid", "pw", TlsSettings.DEFAULT).open()).failure());
    }

    @Test
    void closedPortIsConnect() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertEquals(Failure.CONNECT, assertThrows(MailboxUnavailableException.class,
                () -> connector("imap://u@127.0.0.1:" + port, "pw", TlsSettings.DEFAULT).open()).failure());
    }

    @Test
    void selfSignedCertificateIsRefusedByDefault() {
        String url = "imaps://support@" + host() + ":" + greenMail.getImaps().getPort();
        assertEquals(Failure.TLS, assertThrows(MailboxUnavailableException.class,
                () -> connector(url, "pw", TlsSettings.DEFAULT).open()).failure());
    }

    @Test
    void trustAnyCertificateConnectsOverTls() {
        String url = "imaps://support@" + host() + ":" + greenMail.getImaps().getPort();
        assertEquals(0, connector(url, "pw", new TlsSettings(null, true)).check(null).messages());
    }

    @Test
    void startTlsIsRequiredWhenAsked() {
        // GreenMail's plain IMAP does not offer STARTTLS: imap+starttls:// must refuse rather than log in in clear.
        String url = "imap+starttls://support@" + host() + ":" + greenMail.getImap().getPort();
        assertEquals(Failure.TLS, assertThrows(MailboxUnavailableException.class,
                () -> connector(url, "pw", TlsSettings.DEFAULT).open()).failure());
    }

    @Test
    void sessionPropertiesVerifyServerIdentityAndSetTimeouts() {
        var props = connector("imaps://u@h", "pw", TlsSettings.DEFAULT).properties();
        assertEquals("true", props.get("mail.imaps.ssl.checkserveridentity"));
        assertEquals("15000", props.get("mail.imaps.connectiontimeout"));
        assertEquals("60000", props.get("mail.imaps.timeout"));
        var idle = connector("imap+starttls://u@h", "pw", TlsSettings.DEFAULT)
                .withReadTimeout(java.time.Duration.ofMinutes(10)).properties();
        assertEquals("600000", idle.get("mail.imap.timeout"));
        assertEquals("true", idle.get("mail.imap.starttls.required"));
    }
}
