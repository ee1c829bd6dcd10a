package org.postdesk.oauth;

import java.time.Duration;

/** A token endpoint's answer to a grant: the access token, its lifetime, and a new refresh token if it rotated one. */
public record TokenResponse(String accessToken, Duration expiresIn, String refreshTokenOrNull) {
    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + "]"; // never the tokens
    }
}
