package org.postdesk.store;

import static org.postdesk.store.Timestamps.fromDb;
import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.MAILBOX_OAUTH;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.store.db.tables.records.MailboxOauthRecord;

/** The mailboxes' OAuth2 grants. */
public final class OAuthRepository {
    private final DSLContext dsl;

    public OAuthRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every grant, by mailbox id (one query for the daemon's refresh round). */
    public Map<Long, OAuthGrant> all() {
        return dsl.selectFrom(MAILBOX_OAUTH).fetchMap(MAILBOX_OAUTH.MAILBOX_ID, OAuthRepository::toGrant);
    }

    public Optional<OAuthGrant> byMailbox(long mailboxId) {
        return dsl.selectFrom(MAILBOX_OAUTH).where(MAILBOX_OAUTH.MAILBOX_ID.eq(mailboxId))
                .fetchOptional(OAuthRepository::toGrant);
    }

    /** Stores a new sign-in (replacing an earlier one): status OK, no access token yet. */
    public void save(OAuthGrant g) {
        dsl.transaction(cfg -> {
            DSLContext tx = cfg.dsl();
            tx.deleteFrom(MAILBOX_OAUTH).where(MAILBOX_OAUTH.MAILBOX_ID.eq(g.mailboxId())).execute();
            tx.insertInto(MAILBOX_OAUTH).set(MAILBOX_OAUTH.MAILBOX_ID, g.mailboxId())
                    .set(MAILBOX_OAUTH.PROVIDER, g.provider()).set(MAILBOX_OAUTH.CLIENT_ID, g.clientId())
                    .set(MAILBOX_OAUTH.CLIENT_SECRET_ENC, g.clientSecretEnc())
                    .set(MAILBOX_OAUTH.TOKEN_ENDPOINT, g.tokenEndpoint()).set(MAILBOX_OAUTH.SCOPE, g.scope())
                    .set(MAILBOX_OAUTH.REFRESH_TOKEN_ENC, g.refreshTokenEnc())
                    .set(MAILBOX_OAUTH.ACCESS_TOKEN_ENC, g.accessTokenEnc())
                    .set(MAILBOX_OAUTH.ACCESS_EXPIRES_AT, toDb(g.accessExpiresAt()))
                    .set(MAILBOX_OAUTH.STATUS, OAuthGrant.OK).set(MAILBOX_OAUTH.UPDATED_AT, toDb(g.updatedAt()))
                    .execute();
        });
    }

    /** After a refresh: the new access token, and the new refresh token when the provider rotated it. */
    public void refreshed(long mailboxId, String accessTokenEnc, Instant expiresAt, String newRefreshTokenEncOrNull,
                          Instant at) {
        var update = dsl.update(MAILBOX_OAUTH).set(MAILBOX_OAUTH.ACCESS_TOKEN_ENC, accessTokenEnc)
                .set(MAILBOX_OAUTH.ACCESS_EXPIRES_AT, toDb(expiresAt)).set(MAILBOX_OAUTH.STATUS, OAuthGrant.OK)
                .setNull(MAILBOX_OAUTH.FAILURE).set(MAILBOX_OAUTH.UPDATED_AT, toDb(at));
        if (newRefreshTokenEncOrNull != null) {
            update = update.set(MAILBOX_OAUTH.REFRESH_TOKEN_ENC, newRefreshTokenEncOrNull);
        }
        update.where(MAILBOX_OAUTH.MAILBOX_ID.eq(mailboxId)).execute();
    }

    /**
     * Marks the grant FAILED with the provider's reason.
     *
     * @return true for the call that made the change (so the team is told once, also with several daemons)
     */
    public boolean markFailed(long mailboxId, String reason, Instant at) {
        return dsl.update(MAILBOX_OAUTH).set(MAILBOX_OAUTH.STATUS, OAuthGrant.FAILED).set(MAILBOX_OAUTH.FAILURE, reason)
                .set(MAILBOX_OAUTH.UPDATED_AT, toDb(at))
                .where(MAILBOX_OAUTH.MAILBOX_ID.eq(mailboxId).and(MAILBOX_OAUTH.STATUS.eq(OAuthGrant.OK))).execute() == 1;
    }

    private static OAuthGrant toGrant(MailboxOauthRecord r) {
        return new OAuthGrant(r.getMailboxId(), r.getProvider(), r.getClientId(), r.getClientSecretEnc(),
                r.getTokenEndpoint(), r.getScope(), r.getRefreshTokenEnc(), r.getAccessTokenEnc(),
                fromDb(r.getAccessExpiresAt()), r.getStatus(), r.getFailure(), fromDb(r.getUpdatedAt()));
    }
}
