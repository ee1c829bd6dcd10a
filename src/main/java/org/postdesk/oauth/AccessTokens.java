package org.postdesk.oauth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.postdesk.config.SecretBox;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.OAuthGrant;
import org.postdesk.store.OAuthRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access token a mailbox signs in with over XOAUTH2, refreshed when less than {@link #REFRESH_BEFORE} of it
 * is left. A refusal for good marks the grant FAILED (once, also with several daemons) and from then on every
 * sign-in fails with the reason and the command that fixes it, until an admin signs in again.
 */
public final class AccessTokens {
    private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);
    /** Providers issue tokens for about an hour; refreshing 5 minutes early covers clock skew and slow logins. */
    public static final Duration REFRESH_BEFORE = Duration.ofMinutes(5);

    private final Database db;
    private final SecretBox secrets;
    private final TokenClient client;
    private final Clock clock;
    private volatile GrantFailureListener failures = GrantFailureListener.NONE;

    public AccessTokens(Database db, SecretBox secrets, TokenClient client, Clock clock) {
        this.db = db;
        this.secrets = secrets;
        this.client = client;
        this.clock = clock;
    }

    /** Who is told, once, when a grant fails for good (the team's notice); set once while wiring. */
    public AccessTokens notifyWith(GrantFailureListener listener) {
        this.failures = listener;
        return this;
    }

    /**
     * The token to sign in with; empty when the mailbox uses a password.
     *
     * @throws TokenRefusedException when the grant failed for good (the message says how to sign in again)
     * @throws TokenUnavailableException when a needed refresh failed for now
     */
    public Optional<String> forMailbox(Mailbox mailbox) {
        Optional<OAuthGrant> found = new OAuthRepository(db.dsl()).byMailbox(mailbox.id());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        OAuthGrant grant = found.get();
        if (grant.failed()) {
            throw refused(mailbox, grant.failure());
        }
        if (fresh(grant, clock.instant())) {
            return Optional.of(secrets.decrypt(grant.accessTokenEnc(), "mailbox " + mailbox.name() + " OAuth2"));
        }
        return Optional.of(refresh(mailbox, grant));
    }

    /** Refreshes every grant that is due, so a revoked one is noticed even while its mailbox stays connected. */
    public void refreshDue() {
        Map<Long, OAuthGrant> grants = new OAuthRepository(db.dsl()).all();
        if (grants.isEmpty()) {
            return; // every mailbox signs in with a password
        }
        for (Mailbox m : new MailboxRepository(db.dsl()).listEnabled()) {
            OAuthGrant g = grants.get(m.id());
            if (g == null || g.failed() || fresh(g, clock.instant())) {
                continue;
            }
            try {
                refresh(m, g);
            } catch (TokenRefusedException e) {
                log.debug("mailbox {}: {}", m.name(), e.getMessage()); // logged at ERROR by refresh()
            } catch (RuntimeException e) {
                log.warn("mailbox {}: OAuth2 refresh failed for now, retrying within a minute: {}", m.name(),
                        e.getMessage());
            }
        }
    }

    private boolean fresh(OAuthGrant g, Instant now) {
        return g.accessTokenEnc() != null && g.accessExpiresAt() != null
                && g.accessExpiresAt().minus(REFRESH_BEFORE).isAfter(now);
    }

    private synchronized String refresh(Mailbox mailbox, OAuthGrant stale) {
        OAuthRepository repo = new OAuthRepository(db.dsl());
        OAuthGrant grant = repo.byMailbox(mailbox.id()).orElse(stale); // another thread may have refreshed meanwhile
        Instant now = clock.instant();
        if (!grant.failed() && fresh(grant, now)) {
            return secrets.decrypt(grant.accessTokenEnc(), "mailbox " + mailbox.name() + " OAuth2");
        }
        String owner = "mailbox " + mailbox.name() + " OAuth2";
        try {
            TokenResponse t = client.refresh(grant.tokenEndpoint(), grant.clientId(),
                    grant.clientSecretEnc() == null ? null : secrets.decrypt(grant.clientSecretEnc(), owner),
                    secrets.decrypt(grant.refreshTokenEnc(), owner), grant.scope());
            repo.refreshed(mailbox.id(), secrets.encrypt(t.accessToken()), now.plus(t.expiresIn()),
                    t.refreshTokenOrNull() == null ? null : secrets.encrypt(t.refreshTokenOrNull()), now);
            log.info("mailbox {}: OAuth2 access token refreshed, valid for {}", mailbox.name(), t.expiresIn());
            return t.accessToken();
        } catch (TokenRefusedException e) {
            boolean first = db.inTransaction(tx -> {
                boolean marked = new OAuthRepository(tx).markFailed(mailbox.id(), e.getMessage(), now);
                if (marked) {
                    failures.grantFailed(tx, mailbox, grant.provider(), e.getMessage(), now);
                }
                return marked;
            });
            if (first) {
                log.error("mailbox {}: the OAuth2 provider refused the refresh token for good: {}; sign in again"
                        + " with 'postdesk mailbox oauth {} --provider {} ...'", mailbox.name(), e.getMessage(),
                        mailbox.name(), grant.provider());
            }
            throw refused(mailbox, e.getMessage());
        } catch (TokenUnavailableException e) {
            if (grant.accessTokenEnc() != null && grant.accessExpiresAt() != null
                    && grant.accessExpiresAt().isAfter(now)) {
                log.warn("mailbox {}: OAuth2 refresh failed for now ({}); the current token is still valid",
                        mailbox.name(), e.getMessage());
                return secrets.decrypt(grant.accessTokenEnc(), owner);
            }
            throw e;
        }
    }

    private static TokenRefusedException refused(Mailbox mailbox, String reason) {
        return new TokenRefusedException("mailbox " + mailbox.name() + ": OAuth2 sign-in no longer works: " + reason
                + " — sign in again with: postdesk mailbox oauth " + mailbox.name() + " --provider ... --client-id ...");
    }
}
