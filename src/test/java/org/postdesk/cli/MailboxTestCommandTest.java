package org.postdesk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MailboxTestCommandTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("support@example.com", "support", "pw"));

    @TempDir
    Path dir;

    private CliRunner.Result addAndTest(String password) throws IOException {
        CliRunner cli = new CliRunner(dir).env("PW", password);
        String host = greenMail.getImap().getServerSetup().getBindAddress();
        CliRunner.Result added = cli.run("mailbox", "add", "support", "--address", "support@example.com",
                "--imap", "imap://support@" + host + ":" + greenMail.getImap().getPort(),
                "--smtp", "smtp://support@" + host + ":" + greenMail.getSmtp().getPort(), "--password-env", "PW");
        assertEquals(0, added.code(), added.all());
        return cli.run("mailbox", "test", "support");
    }

    @Test
    void reportsEveryStepWhenAllIsWell() throws IOException {
        CliRunner.Result r = addAndTest("pw");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains(": resolve ok, connect ok, TLS off"), r.out());
        assertTrue(r.out().contains("login ok, folder INBOX ok (0 messages)"), r.out());
        assertTrue(r.out().contains("SMTP smtp://support@"), r.out());
        assertTrue(r.out().contains("all checks passed"), r.out());
    }

    @Test
    void smtpWithoutAUserSaysNoPasswordIsSent() throws IOException {
        CliRunner cli = new CliRunner(dir).env("PW", "pw");
        String host = greenMail.getImap().getServerSetup().getBindAddress();
        CliRunner.Result added = cli.run("mailbox", "add", "support", "--address", "support@example.com",
                "--imap", "imap://support@" + host + ":" + greenMail.getImap().getPort(),
                "--smtp", "smtp://" + host + ":" + greenMail.getSmtp().getPort(), "--password-env", "PW");
        assertEquals(0, added.code(), added.all());
        String smtp = cli.run("mailbox", "test", "support").out().lines().filter(l -> l.startsWith("SMTP ")).findFirst()
                .orElseThrow();
        assertTrue(smtp.contains("connect ok, TLS off (plain connection: mail travels unencrypted), login "), smtp);
    }

    @Test
    void badPasswordNamesTheLoginStepAndExitsWithFour() throws IOException {
        CliRunner.Result r = addAndTest("wrong-pw");
        assertEquals(4, r.code(), r.all());
        assertTrue(r.out().contains("connect ok, TLS off (plain connection: the password travels unencrypted), login FAILED"),
                r.out());
        assertTrue(r.out().contains("check the user in the URL and the password"), r.out());
        assertFalse(r.all().contains("wrong-pw"), r.all());
    }
}
