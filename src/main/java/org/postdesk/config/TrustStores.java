package org.postdesk.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Socket factories for {@link TlsSettings}; each is built from the file once per connector. */
final class TrustStores {
    /** Reading trusted certificates needs no password, except in PKCS12 files whose certificates are encrypted. */
    private static final char[][] PASSWORDS = {null, "changeit".toCharArray()};

    private TrustStores() {
    }

    static SSLSocketFactory from(Path file) {
        try {
            KeyStore store = load(file);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            return context(tmf.getTrustManagers()).getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("trust store " + file + ": cannot read: " + e.getMessage()
                    + " (give a JKS, PKCS12 or PEM file with the server's CA certificate)", e);
        }
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        if (Files.readString(file, StandardCharsets.ISO_8859_1).contains("-----BEGIN CERTIFICATE-----")) {
            return pem(file);
        }
        GeneralSecurityException last = null;
        for (char[] password : PASSWORDS) {
            try {
                KeyStore store = KeyStore.getInstance(file.toFile(), password);
                if (store.size() > 0) {
                    return store;
                }
            } catch (IOException e) {
                last = new GeneralSecurityException(e.getMessage(), e);
            }
        }
        throw last != null ? last : new GeneralSecurityException("it holds no certificate");
    }

    private static KeyStore pem(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(file)) {
            int i = 0;
            for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("cert" + i++, cert);
            }
        }
        return store;
    }

    static SSLSocketFactory trustingAll() {
        try {
            return context(new TrustManager[] {new TrustingAll()}).getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }

    private static SSLContext context(TrustManager[] managers) throws GeneralSecurityException {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, managers, null);
        return ctx;
    }

    /** For --trust-any-certificate only: accepts every server, as the option's name warns. */
    private static final class TrustingAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // we are never the server
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // deliberately trusts every certificate
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
