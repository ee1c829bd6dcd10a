package org.postdesk.oauth;

/**
 * The provider refused the grant for good ({@code invalid_grant}: revoked or expired refresh token, a changed
 * password; {@code invalid_client}; {@code access_denied}): retrying cannot help, a person must sign in again.
 */
public final class TokenRefusedException extends RuntimeException {
    public TokenRefusedException(String message) {
        super(message);
    }
}
