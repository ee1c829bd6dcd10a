package org.postdesk.ingest;

import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.time.Duration;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.postdesk.config.MailboxUrl;
import org.postdesk.config.SecretBox;
import org.postdesk.config.TlsSettings;
import org.postdesk.ingest.MailboxUnavailableException.Failure;
import org.postdesk.store.Mailbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a mailbox's IMAP folder read-write with its own {@link Session} properties (never System
 * properties): certificates and host names verified unless the mailbox says otherwise, connect
 * timeout 15 s, read timeout 60 s. A connection that IDLEs needs a read timeout longer than the
 * IDLE renewal, or the socket times out mid-IDLE: use {@link #withReadTimeout} (zero means none).
 * Every failure is a {@link MailboxUnavailableException} with a classified {@link Failure}.
 */
public final class ImapConnector {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    private static final int FETCH_SIZE = 1 << 20;
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(ImapConnector.class);

    private final String mailbox;
    private final MailboxUrl url;
    private final String password;
    private final TlsSettings tls;
    private final Duration readTimeout;
    /** Sign in with SASL XOAUTH2, {@code password} being the OAuth2 access token. */
    private final boolean xoauth2;

    public ImapConnector(String mailbox, MailboxUrl url, String password, TlsSettings tls) {
        this(mailbox, url, password, tls, READ_TIMEOUT, false);
    }

    private ImapConnector(String mailbox, MailboxUrl url, String password, TlsSettings tls, Duration readTimeout,
                          boolean xoauth2) {
        if (!url.isImap()) {
            throw new IllegalArgumentException("mailbox " + mailbox + ": not an IMAP URL: " + url);
        }
        this.mailbox = mailbox;
        this.url = url;
        this.password = password;
        this.tls = tls;
        this.readTimeout = readTimeout;
        this.xoauth2 = xoauth2;
    }

    /** Signs in with XOAUTH2 and {@code accessToken} instead of the password (Gmail, Microsoft 365). */
    public ImapConnector withAccessToken(String accessToken) {
        return new ImapConnector(mailbox, url, accessToken, tls, readTimeout, true);
    }

    /** For a stored mailbox: parses its URL and decrypts its password (a {@code ConfigException} if that fails). */
    public static ImapConnector forMailbox(Mailbox m, SecretBox secrets) {
        String password = m.passwordEnc() == null ? null : secrets.decrypt(m.passwordEnc(), "mailbox " + m.name());
        return new ImapConnector(m.name(), MailboxUrl.parseImap(m.imapUrl()), password,
                new TlsSettings(m.trustStore(), m.trustAll()));
    }

    public ImapConnector withReadTimeout(Duration timeout) {
        return new ImapConnector(mailbox, url, password, tls, timeout, xoauth2);
    }

    public MailboxUrl url() {
        return url;
    }

    /** Connects, logs in and opens the URL's folder READ_WRITE; the caller closes the folder and its store. */
    public IMAPFolder open() {
        Properties props = properties(); // outside the try: a bad trust store is a ConfigException
        Store store = null;
        try {
            store = Session.getInstance(props).getStore(url.scheme().protocol());
            store.connect(url.host(), url.port(), url.user(), password);
            Folder folder = store.getFolder(url.folder());
            folder.open(Folder.READ_WRITE);
            log.debug("mailbox {}: opened {} ({} messages)", mailbox, url, folder.getMessageCount());
            return (IMAPFolder) folder;
        } catch (MessagingException e) {
            close(store);
            throw unavailable(e);
        }
    }

    /** Logs in, opens the folder, checks that {@code moveToOrNull} exists, and closes again. */
    public ImapCheck check(String moveToOrNull) {
        IMAPFolder folder = open();
        try {
            if (moveToOrNull != null && !folder.getStore().getFolder(moveToOrNull).exists()) {
                throw new FolderNotFoundException(folder, "folder " + moveToOrNull + " (--move-to) does not exist");
            }
            return new ImapCheck(url.folder(), folder.getMessageCount(), moveToOrNull);
        } catch (MessagingException e) {
            throw unavailable(e);
        } finally {
            closeFolderAndStore(folder);
        }
    }

    private MailboxUnavailableException unavailable(Exception e) {
        Failure failure = MailFailures.classify(e);
        String problem = failure == Failure.NAME_LOOKUP ? "host " + url.host() + " not found" : MailFailures.rootMessage(e);
        String message = "mailbox " + mailbox + ": IMAP " + failure.step() + " at " + url.server() + " failed: "
                + problem + " — " + failure.fix();
        return new MailboxUnavailableException(mailbox, failure, message, e);
    }

    Properties properties() {
        Properties props = new Properties();
        tls.applyTo(props, url, CONNECT_TIMEOUT, readTimeout);
        // Messages are read whole into memory anyway; the default 16 KB per FETCH costs a 2 MB attachment
        // 128 round trips to the server instead of 2.
        props.put("mail." + url.scheme().protocol() + ".fetchsize", String.valueOf(FETCH_SIZE));
        if (xoauth2) {
            // Angus offers XOAUTH2 only when asked for by name; the "password" is then the access token.
            props.put("mail." + url.scheme().protocol() + ".auth.mechanisms", "XOAUTH2");
        }
        return props;
    }

    /** Closes without expunging; for callers that hold an opened folder. */
    public static void closeFolderAndStore(Folder folder) {
        try {
            if (folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            log.debug("closing folder {}: {}", folder.getFullName(), e.toString());
        }
        close(folder.getStore());
    }

    private static void close(Store store) {
        if (store == null) {
            return;
        }
        try {
            store.close();
        } catch (MessagingException e) {
            log.debug("closing store: {}", e.toString());
        }
    }
}
