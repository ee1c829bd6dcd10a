package org.postdesk.oauth;

/** The token endpoint could not be reached or failed for now (network, 5xx, 429): retried with backoff. */
public final class TokenUnavailableException extends RuntimeException {
    public TokenUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
