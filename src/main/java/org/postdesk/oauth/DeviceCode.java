package org.postdesk.oauth;

import java.time.Duration;

/** RFC 8628 §3.2: what the person must open and type, and how the client polls. */
public record DeviceCode(String deviceCode, String userCode, String verificationUri, Duration interval,
                         Duration expiresIn) {
}
