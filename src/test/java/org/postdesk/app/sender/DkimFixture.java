package org.postdesk.app.sender;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import org.apache.james.jdkim.DKIMSigner;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.exceptions.PermFailException;

/** DKIM for tests: an RSA key made here, messages signed as jDKIM signs, and a key lookup without DNS. */
public final class DkimFixture {
    private DkimFixture() {
    }

    public static KeyPair newKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is missing from this JDK", e);
        }
    }

    /** {@code raw} (CRLF line ends) with a DKIM-Signature of {@code domain}, selector "sel", on top. */
    public static String sign(String raw, String domain, KeyPair key, String extraTags) {
        return sign(raw, domain, key, extraTags, "from:to:subject:message-id:date:in-reply-to");
    }

    /** As {@link #sign(String, String, KeyPair, String)}, signing the header fields {@code signed} ({@code h=}). */
    public static String sign(String raw, String domain, KeyPair key, String extraTags, String signed) {
        try {
            DKIMSigner signer = new DKIMSigner("v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=sel; "
                    + extraTags + "h=" + signed + "; bh=; b=;", key.getPrivate());
            return signer.sign(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))) + "\r\n" + raw;
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the test message", e);
        }
    }

    /** A key lookup that knows only {@code sel._domainkey.DOMAIN}, answering with {@code key}'s public half. */
    public static PublicKeyRecordRetriever keyOf(String domain, KeyPair key) {
        String record = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(key.getPublic().getEncoded());
        return (method, selector, token) -> {
            if (token.toString().equalsIgnoreCase(domain) && selector.toString().equals("sel")) {
                return List.of(record);
            }
            throw new PermFailException("no key for " + selector + "._domainkey." + token);
        };
    }
}
