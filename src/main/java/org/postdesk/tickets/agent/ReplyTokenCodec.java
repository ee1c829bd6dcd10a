package org.postdesk.tickets.agent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies {@link ReplyToken}s.
 *
 * <p>A token looks like {@code pd1.<ticket>.<agent>.<notification>.<mac>}: the ids in base 36 and
 * the first 16 bytes of an HMAC-SHA256 over {@code pd1.<ticket>.<agent>.<notification>} in
 * lower-case base32 (RFC 4648, no padding). It uses only {@code [a-z0-9.]}, so it is a valid
 * dot-atom for a Message-ID or an address local part, and it survives mail systems that change the
 * case of addresses: decoding ignores case. With realistic ids it stays under the 64 characters an
 * address local part allows (RFC 5321 §4.5.3.1.1).
 *
 * <p>Thread-safe: each thread keeps a {@link Mac} of its own, keyed once (getting and keying one per token was
 * half a percent of a backlog drain's CPU: two tokens per incoming mail).
 */
public final class ReplyTokenCodec {
    private static final String VERSION = "pd1";
    private static final int MAC_BYTES = 16;
    private static final int MIN_SECRET_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern TOKEN = pattern(VERSION);

    private final String version;
    private final Pattern tokenPattern;
    private final byte[] secret;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /** @param secret the HMAC key, at least 16 bytes; copied */
    public ReplyTokenCodec(byte[] secret) {
        this(VERSION, secret);
    }

    /**
     * A codec for tokens of another purpose (the satisfaction survey's {@code pds1}): the same scheme under
     * another prefix, so {@link #mentionsToken} (the agents' tokens) does not see them. Give it its own key too,
     * so that a token of one purpose never verifies as one of the other.
     *
     * @param version lower-case letters and digits, e.g. {@code pds1}
     */
    public ReplyTokenCodec(String version, byte[] secret) {
        if (!version.matches("[a-z][a-z0-9]{1,7}")) {
            throw new IllegalArgumentException("not a token prefix: '" + version + "'");
        }
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("reply token secret must have at least "
                    + MIN_SECRET_BYTES + " bytes, has " + secret.length);
        }
        this.secret = secret.clone();
        this.version = version;
        this.tokenPattern = pattern(version);
    }

    private static Pattern pattern(String version) {
        return Pattern.compile("(?<![A-Za-z0-9])" + version
                + "\\.([0-9a-z]{1,13})\\.([0-9a-z]{1,13})\\.([0-9a-z]{1,13})\\.([a-z2-7]{26})(?![A-Za-z0-9])",
                Pattern.CASE_INSENSITIVE);
    }

    /**
     * True when {@code text} holds anything shaped like a reply token, whether it verifies or not: what
     * must never reach a customer (issue 9), checked without the secret.
     */
    public static boolean mentionsToken(CharSequence text) {
        return text != null && TOKEN.matcher(text).find();
    }

    /** The signed token for {@code token}. */
    public String encode(ReplyToken token) {
        Objects.requireNonNull(token, "token");
        String payload = payload(token);
        return payload + "." + mac(payload);
    }

    /** {@code <token@domain>}, a Message-ID for the notification that carries {@code token}. */
    public String messageIdFor(ReplyToken token, String domain) {
        Objects.requireNonNull(domain, "domain");
        if (domain.isBlank() || !domain.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("not a domain for a Message-ID: '" + domain + "'");
        }
        return "<" + encode(token) + "@" + domain + ">";
    }

    /** The token {@code s} stands for; empty when {@code s} is not exactly a token that verifies. */
    public Optional<ReplyToken> decode(String s) {
        if (s == null) {
            return Optional.empty();
        }
        Matcher m = tokenPattern.matcher(s.strip());
        return m.matches() ? verify(m) : Optional.empty();
    }

    /**
     * The first verifying token found inside any of {@code texts}, in order: Message-IDs such as
     * {@code <pd1.…@support.example.com>}, whole References headers, or body lines such as
     * {@code Ref: pd1.…}. Tokens that do not verify are skipped, so a forged one cannot hide a
     * genuine one further on. Null elements are ignored.
     */
    public Optional<ReplyToken> findIn(Collection<String> texts) {
        Objects.requireNonNull(texts, "texts");
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            Matcher m = tokenPattern.matcher(text);
            while (m.find()) {
                Optional<ReplyToken> token = verify(m);
                if (token.isPresent()) {
                    return token;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<ReplyToken> verify(Matcher m) {
        ReplyToken token;
        try {
            token = new ReplyToken(parse(m.group(1)), parse(m.group(2)), parse(m.group(3)));
        } catch (IllegalArgumentException e) {
            // Overflowing or zero ids: not something we signed.
            return Optional.empty();
        }
        byte[] expected = mac(payload(token)).getBytes(StandardCharsets.US_ASCII);
        byte[] actual = m.group(4).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, actual) ? Optional.of(token) : Optional.empty();
    }

    private static long parse(String base36) {
        return Long.parseLong(base36, 36); // NumberFormatException is an IllegalArgumentException
    }

    private String payload(ReplyToken t) {
        return version + "." + Long.toString(t.ticketId(), 36) + "." + Long.toString(t.agentId(), 36)
                + "." + Long.toString(t.notificationId(), 36);
    }

    private String mac(String payload) {
        // doFinal resets the Mac to its key, ready for the next payload.
        byte[] full = macs.get().doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        return Base32.encode(Arrays.copyOf(full, MAC_BYTES));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            // Every Java 17 runtime must provide HmacSHA256, and any non-empty key is valid.
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }
}
