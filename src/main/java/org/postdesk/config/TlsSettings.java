package org.postdesk.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;

/**
 * How a mailbox's server certificate is checked: by the JVM's trusted CAs (both fields unset), by a
 * trust store file (JKS, PKCS12 or PEM), or not at all ({@code trustAll}, for testing only).
 */
public record TlsSettings(String trustStorePath, boolean trustAll) {
    public static final TlsSettings DEFAULT = new TlsSettings(null, false);

    public TlsSettings {
        if (trustAll && trustStorePath != null) {
            throw new ConfigException("a trust store and trusting any certificate exclude each other: choose one");
        }
    }

    /**
     * Puts the Jakarta Mail properties that connect to {@code url} with these settings and the given
     * timeouts into {@code props}, under {@code mail.<protocol>.}: TLS (implicit or required STARTTLS),
     * certificate and host name checks.
     */
    public void applyTo(Properties props, MailboxUrl url, Duration connectTimeout, Duration readTimeout) {
        String p = "mail." + url.scheme().protocol();
        props.put(p + ".connectiontimeout", String.valueOf(connectTimeout.toMillis()));
        props.put(p + ".timeout", String.valueOf(readTimeout.toMillis()));
        if (url.implicitTls() || url.startTls()) {
            props.put(p + ".ssl.checkserveridentity", String.valueOf(!trustAll));
            SSLSocketFactory factory = socketFactoryOrNull();
            if (factory != null) {
                props.put(p + ".ssl.socketFactory", factory);
            }
            if (trustAll) {
                props.put(p + ".ssl.trust", "*");
            }
        }
        if (url.startTls()) {
            props.put(p + ".starttls.enable", "true");
            props.put(p + ".starttls.required", "true");
        }
    }

    /** Null when the JVM default applies; loads the trust store file now, so a bad file fails early. */
    public SSLSocketFactory socketFactoryOrNull() {
        if (trustAll) {
            return TrustStores.trustingAll();
        }
        return trustStorePath == null ? null : TrustStores.from(Path.of(trustStorePath));
    }
}
