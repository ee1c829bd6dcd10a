package org.postdesk.config;

import java.nio.file.Path;
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

    /** Null when the JVM default applies; loads the trust store file now, so a bad file fails early. */
    public SSLSocketFactory socketFactoryOrNull() {
        if (trustAll) {
            return TrustStores.trustingAll();
        }
        return trustStorePath == null ? null : TrustStores.from(Path.of(trustStorePath));
    }
}
