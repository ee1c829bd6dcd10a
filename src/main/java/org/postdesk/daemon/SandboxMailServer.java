package org.postdesk.daemon;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.List;

/**
 * The sandbox's in-process mail server (GreenMail): SMTP and IMAP on fixed localhost ports, with ready
 * accounts for the support mailbox, two agents and a customer. Every account's password is its login.
 */
public final class SandboxMailServer implements AutoCloseable {
    public static final String DOMAIN = "postdesk.test";
    public static final String SUPPORT = "support@" + DOMAIN;
    public static final List<String> ACCOUNTS = List.of(SUPPORT, "alice@" + DOMAIN, "bob@" + DOMAIN,
            "customer@example.test");

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;

    public SandboxMailServer(String host, int smtpPort, int imapPort) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.greenMail = new GreenMail(new ServerSetup[] {
            new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(imapPort, host, ServerSetup.PROTOCOL_IMAP)});
    }

    public void start() {
        greenMail.start();
        for (String account : ACCOUNTS) {
            greenMail.setUser(account, account, password(account));
        }
    }

    /** The sandbox password of an account: the part before the @, so it is easy to type. */
    public static String password(String account) {
        return account.substring(0, account.indexOf('@'));
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
