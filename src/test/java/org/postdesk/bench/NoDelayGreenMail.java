package org.postdesk.bench;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHandler;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.Socket;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;

/**
 * GreenMail whose IMAP and SMTP connections set TCP_NODELAY, as production servers do (Dovecot, Postfix).
 * GreenMail writes a reply in several small segments; with Nagle's algorithm the last one waits for the
 * client's delayed ACK (40 ms on Linux), so every command would cost 40 ms and the benchmark would
 * measure that stall rather than Postdesk.
 */
final class NoDelayGreenMail extends GreenMail {
    private AbstractServer imap;
    private AbstractServer smtp;

    NoDelayGreenMail(ServerSetup[] setups) {
        super(setups);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
        Map<String, AbstractServer> services = new HashMap<>();
        for (ServerSetup setup : setups) {
            if (ServerSetup.PROTOCOL_IMAP.equals(setup.getProtocol())) {
                imap = new Imap(setup, managers);
                services.put(setup.getProtocol(), imap);
            } else if (ServerSetup.PROTOCOL_SMTP.equals(setup.getProtocol())) {
                smtp = new Smtp(setup, managers);
                services.put(setup.getProtocol(), smtp);
            } else {
                throw new IllegalArgumentException("only plain IMAP and SMTP: " + setup.getProtocol());
            }
        }
        return services;
    }

    int imapPort() {
        return imap.getPort();
    }

    int smtpPort() {
        return smtp.getPort();
    }

    private static Socket noDelay(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
        } catch (SocketException e) {
            throw new IllegalStateException("cannot set TCP_NODELAY on a GreenMail connection", e);
        }
        return socket;
    }

    /** GreenMail's ImapServer (which is final), with TCP_NODELAY. */
    private static final class Imap extends AbstractServer {
        Imap(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket socket) {
            return new ImapHandler(managers.getUserManager(), managers.getImapHostManager(), noDelay(socket));
        }
    }

    /** GreenMail's SmtpServer, with TCP_NODELAY. */
    private static final class Smtp extends SmtpServer {
        Smtp(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket socket) {
            return super.createProtocolHandler(noDelay(socket));
        }
    }
}
