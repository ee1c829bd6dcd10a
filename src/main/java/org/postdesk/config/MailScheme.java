package org.postdesk.config;

import java.util.Arrays;
import java.util.Optional;

/** The six URL schemes a mailbox may use, with their Jakarta Mail protocol and default port. */
public enum MailScheme {
    IMAP("imap", "imap", 143, false, false),
    IMAPS("imaps", "imaps", 993, true, false),
    IMAP_STARTTLS("imap+starttls", "imap", 143, false, true),
    SMTP("smtp", "smtp", 25, false, false),
    SMTPS("smtps", "smtps", 465, true, false),
    SMTP_STARTTLS("smtp+starttls", "smtp", 587, false, true);

    private final String prefix;
    private final String protocol;
    private final int defaultPort;
    private final boolean implicitTls;
    private final boolean startTls;

    MailScheme(String prefix, String protocol, int defaultPort, boolean implicitTls, boolean startTls) {
        this.prefix = prefix;
        this.protocol = protocol;
        this.defaultPort = defaultPort;
        this.implicitTls = implicitTls;
        this.startTls = startTls;
    }

    static Optional<MailScheme> byPrefix(String prefix) {
        return Arrays.stream(values()).filter(s -> s.prefix.equalsIgnoreCase(prefix)).findFirst();
    }

    /** As written in a URL, e.g. {@code imap+starttls}. */
    public String prefix() {
        return prefix;
    }

    /** The Jakarta Mail protocol name: {@code imap}, {@code imaps}, {@code smtp} or {@code smtps}. */
    public String protocol() {
        return protocol;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public boolean implicitTls() {
        return implicitTls;
    }

    public boolean startTls() {
        return startTls;
    }

    public boolean isImap() {
        return protocol.startsWith("imap");
    }
}
