package org.postdesk.config;

import java.util.Locale;

/**
 * A mail server address such as {@code imaps://support%40example.com@mail.example.com:993/Support/Inbox}
 * or {@code smtp+starttls://support%40example.com@mail.example.com}. The user and folder are
 * URL-decoded; an IMAP folder defaults to INBOX and may contain '/'. A password inside the URL is
 * refused, so one can never end up in shell history, logs or the database.
 *
 * @param user the login, or null when none is given (SMTP without a user sends without AUTH)
 * @param folder the IMAP folder; null for SMTP
 */
public record MailboxUrl(MailScheme scheme, String user, String host, int port, String folder) {

    public MailboxUrl {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range");
        }
        if (scheme.isImap() && (folder == null || folder.isBlank())) {
            throw new IllegalArgumentException("an IMAP URL needs a folder");
        }
    }

    /** Parses any of the six schemes; throws {@link ConfigException} with a message free of secrets. */
    public static MailboxUrl parse(String url) {
        return MailboxUrlParser.parse(url);
    }

    /** Parses and requires an {@code imap://}, {@code imaps://} or {@code imap+starttls://} URL. */
    public static MailboxUrl parseImap(String url) {
        return requireKind(parse(url), true);
    }

    /** Parses and requires an {@code smtp://}, {@code smtps://} or {@code smtp+starttls://} URL. */
    public static MailboxUrl parseSmtp(String url) {
        return requireKind(parse(url), false);
    }

    private static MailboxUrl requireKind(MailboxUrl url, boolean imap) {
        if (url.scheme().isImap() != imap) {
            String want = imap ? "imap://, imaps:// or imap+starttls://" : "smtp://, smtps:// or smtp+starttls://";
            throw new ConfigException("mail URL " + url + ": expected " + want);
        }
        return url;
    }

    public boolean implicitTls() {
        return scheme.implicitTls();
    }

    public boolean startTls() {
        return scheme.startTls();
    }

    public boolean isImap() {
        return scheme.isImap();
    }

    public boolean hasUser() {
        return user != null && !user.isEmpty();
    }

    /** The same server with another login (used to default the IMAP login to the mailbox address). */
    public MailboxUrl withUser(String newUser) {
        return new MailboxUrl(scheme, newUser, host, port, folder);
    }

    /** The canonical URL; {@link #parse} reads it back to an equal value. Holds no secret. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(scheme.prefix()).append("://");
        if (hasUser()) {
            b.append(MailboxUrlParser.encode(user, false)).append('@');
        }
        b.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(port);
        if (folder != null) {
            b.append('/').append(MailboxUrlParser.encode(folder, true));
        }
        return b.toString();
    }

    /** For messages: {@code imaps://mail.example.com:993}. */
    public String server() {
        return scheme.prefix() + "://" + host.toLowerCase(Locale.ROOT) + ":" + port;
    }
}
