package org.postdesk.app.sender;

import java.io.InputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.apache.james.jdkim.exceptions.TempFailException;
import org.apache.james.jdkim.impl.DNSPublicKeyRecordRetriever;
import org.postdesk.mail.RawSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.ExtendedResolver;

/**
 * Verifies the message's DKIM signatures (RFC 6376) with Apache James jDKIM and looks for one of the From
 * domain. The public keys come from a {@link PublicKeyRecordRetriever}: DNS through the system's resolvers
 * in production, a fixed key in tests. A lookup is a network call, so this runs before the ingest
 * transaction opens.
 *
 * <p>A signature counts only when it verifies, its {@code d=} is the From domain or a parent of it, and it
 * has no body length limit ({@code l=}): with one, anybody could append their own text below the signed
 * part of a genuine mail.
 */
public final class DkimCheck {
    private static final Logger log = LoggerFactory.getLogger(DkimCheck.class);
    private static final Duration DNS_TIMEOUT = Duration.ofSeconds(5);

    private final PublicKeyRecordRetriever keys;

    public DkimCheck(PublicKeyRecordRetriever keys) {
        this.keys = keys;
    }

    /**
     * Keys from DNS through the resolvers in the system's configuration (resolv.conf), 5 s per query. The
     * resolver is made at the first lookup: dnsjava's 170 classes and its reading of resolv.conf are work the
     * daemon's start does not need (only agents' replies are checked; issue 16).
     */
    public static DkimCheck withSystemDns() {
        return new DkimCheck(new SystemDns());
    }

    /** The DNS key lookup, its resolver made on the first call. */
    private static final class SystemDns implements PublicKeyRecordRetriever {
        private PublicKeyRecordRetriever dns;

        @Override
        public synchronized List<String> getRecords(CharSequence methodAndOptions, CharSequence selector,
                                                    CharSequence token) throws TempFailException, PermFailException {
            if (dns == null) {
                ExtendedResolver resolver = new ExtendedResolver();
                resolver.setTimeout(DNS_TIMEOUT);
                resolver.setRetries(1);
                dns = new DNSPublicKeyRecordRetriever(resolver);
            }
            return dns.getRecords(methodAndOptions, selector, token);
        }
    }

    /** A signature that verified: "d=… s=…" for the audit, and what it covers. */
    record Verified(String detail, ProvenParts parts) {
    }

    /**
     * Which signature of {@code fromDomain} verifies, for the audit, with what all such signatures together cover
     * in a mail with {@code mailHeaders} (lower-case names); empty when none verifies.
     */
    Optional<Verified> verify(RawSource raw, String fromDomain, Map<String, List<String>> mailHeaders) {
        List<SignatureRecord> valid;
        try (InputStream in = raw.open()) {
            valid = new DKIMVerifier(keys).verify(in);
        } catch (FailException e) {
            log.info("DKIM: no signature verifies ({})", e.getMessage());
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            // jDKIM throws unchecked errors on malformed signatures; a broken signature proves nothing.
            log.info("DKIM: cannot verify ({})", e.toString());
            return Optional.empty();
        }
        if (valid == null) {
            return Optional.empty();
        }
        List<SignatureRecord> counting = valid.stream()
                .filter(s -> s.getBodyHashLimit() < 0)
                .filter(s -> AuthenticationResults.aligned(s.getDToken().toString(), fromDomain)).toList();
        if (counting.isEmpty()) {
            return Optional.empty();
        }
        ProvenParts parts = counting.stream().map(s -> ProvenParts.signed(s.getHeaders(), true, mailHeaders))
                .reduce(ProvenParts::or).orElseThrow();
        SignatureRecord first = counting.get(0);
        return Optional.of(new Verified("d=" + first.getDToken() + " s=" + first.getSelector(), parts));
    }
}
