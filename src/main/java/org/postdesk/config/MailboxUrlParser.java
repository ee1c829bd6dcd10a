package org.postdesk.config;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Hand-written rather than java.net.URI: URI rejects an unencoded '@' in the user and mixes up
 * decoding of '+'. Every message shows the URL with any password replaced by ***.
 */
final class MailboxUrlParser {
    private static final String SCHEMES = "imap://, imaps://, imap+starttls://, smtp://, smtps:// or smtp+starttls://";

    private MailboxUrlParser() {
    }

    static MailboxUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new ConfigException("mail URL is empty: use e.g. imaps://support%40example.com@mail.example.com");
        }
        String shown = redact(url.trim());
        try {
            return parseTrimmed(url.trim(), shown);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("mail URL " + shown + ": " + e.getMessage(), e);
        }
    }

    private static MailboxUrl parseTrimmed(String url, String shown) {
        int sep = url.indexOf("://");
        if (sep < 0) {
            throw new IllegalArgumentException("no scheme: start with " + SCHEMES);
        }
        MailScheme scheme = MailScheme.byPrefix(url.substring(0, sep)).orElseThrow(() ->
                new IllegalArgumentException("unknown scheme '" + url.substring(0, url.indexOf("://")) + "': use " + SCHEMES));
        String rest = url.substring(sep + 3);
        if (rest.contains("?") || rest.contains("#")) {
            throw new IllegalArgumentException("'?' and '#' are not allowed (write them as %3F and %23 in a folder name)");
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        int at = authority.lastIndexOf('@');
        String user = at < 0 ? null : user(authority.substring(0, at), shown);
        HostPort hp = hostPort(at < 0 ? authority : authority.substring(at + 1), scheme);
        return new MailboxUrl(scheme, user, hp.host, hp.port, folder(path, scheme));
    }

    private static String user(String userInfo, String shown) {
        if (userInfo.contains(":")) {
            throw new ConfigException("mail URL " + shown + ": a password in the URL is refused;"
                    + " give it with --password-env VAR, --password-file FILE or on standard input");
        }
        if (userInfo.isEmpty()) {
            throw new IllegalArgumentException("the user before '@' is empty");
        }
        return decode(userInfo);
    }

    private record HostPort(String host, int port) {
    }

    private static HostPort hostPort(String text, MailScheme scheme) {
        String host = text;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("IPv6 address without ']'");
            }
            host = text.substring(1, close);
            port = text.length() > close + 1 && text.charAt(close + 1) == ':' ? text.substring(close + 2) : null;
        } else if (text.contains(":")) {
            host = text.substring(0, text.indexOf(':'));
            port = text.substring(text.indexOf(':') + 1);
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9._:-]+")) {
            throw new IllegalArgumentException("host '" + host + "' is not a host name or IP address");
        }
        return new HostPort(host.toLowerCase(Locale.ROOT), port == null ? scheme.defaultPort() : port(port));
    }

    private static int port(String text) {
        if (!text.matches("\\d{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            // The value is not echoed: a password holding '/' is cut there and lands here.
            throw new IllegalArgumentException("the port after the host is not a number from 1 to 65535");
        }
        return Integer.parseInt(text);
    }

    private static String folder(String path, MailScheme scheme) {
        if (!scheme.isImap()) {
            if (!path.isEmpty()) {
                throw new IllegalArgumentException("an SMTP URL has no folder; remove '/" + path + "'");
            }
            return null;
        }
        String folder = decode(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
        return folder.isEmpty() ? "INBOX" : folder;
    }

    /** Percent-decoding only: '+' stays '+', as in user+tag@example.com. */
    static String decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                        || Character.digit(text.charAt(i + 2), 16) < 0) {
                    throw new IllegalArgumentException("bad %-escape in '" + text + "'");
                }
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("%-escapes in '" + text + "' are not UTF-8", e);
        }
    }

    static String encode(String text, boolean keepSlash) {
        StringBuilder b = new StringBuilder();
        for (byte x : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            boolean plain = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~+!$'()*,;=".indexOf(c) >= 0
                    || (keepSlash && c == '/'));
            b.append(plain ? String.valueOf(c) : String.format("%%%02X", x & 0xff));
        }
        return b.toString();
    }

    /** {@code imap://joe:secret@host} → {@code imap://joe:***@host}, for messages. */
    static String redact(String url) {
        int start = url.indexOf("://") < 0 ? 0 : url.indexOf("://") + 3;
        int at = url.lastIndexOf('@');
        if (at < start) {
            return url;
        }
        int colon = url.indexOf(':', start);
        return colon >= 0 && colon < at ? url.substring(0, colon + 1) + "***" + url.substring(at) : url;
    }
}
