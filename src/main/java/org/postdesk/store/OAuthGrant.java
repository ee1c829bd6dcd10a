package org.postdesk.store;

import java.time.Instant;

/**
 * A mailbox's OAuth2 sign-in as stored; the token and secret fields are ciphertext ({@code SecretBox}).
 *
 * @param accessExpiresAt null before the first access token
 * @param status OK, or FAILED when the provider refused the refresh token for good
 */
public record OAuthGrant(long mailboxId, String provider, String clientId, String clientSecretEnc,
                         String tokenEndpoint, String scope, String refreshTokenEnc, String accessTokenEnc,
                         Instant accessExpiresAt, String status, String failure, Instant updatedAt) {
    public static final String OK = "OK";
    public static final String FAILED = "FAILED";

    public boolean failed() {
        return FAILED.equals(status);
    }
}
