package org.postdesk.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Talks to a provider's token and device-authorization endpoints (form posts, JSON answers). */
public final class TokenClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** RFC 6749 §5.2 / RFC 8628 §3.5 errors that no retry can fix. */
    private static final Set<String> PERMANENT = Set.of("invalid_grant", "invalid_client", "unauthorized_client",
            "access_denied", "expired_token", "invalid_scope", "unsupported_grant_type");
    /**
     * Made on the first call, not with the daemon's pipeline: Jackson's 460 classes and the HTTP client's TLS
     * context (180 more, and a selector thread) are work a daemon without an OAuth2 mailbox never needs, and they
     * were a fifth of what it loaded before its first IDLE (issue 16).
     */
    private HttpClient http;

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        }
        return http;
    }

    /** Jackson's mapper, loaded with the first answer read (the holder idiom: the JVM makes it once). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** RFC 6749 §6: a new access token for the refresh token. */
    public TokenResponse refresh(String tokenEndpoint, String clientId, String clientSecretOrNull, String refreshToken,
                                 String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", clientId);
        if (clientSecretOrNull != null) {
            form.put("client_secret", clientSecretOrNull);
        }
        form.put("scope", scope);
        return tokens(post(tokenEndpoint, form), tokenEndpoint);
    }

    /** RFC 8628 §3.1: starts the device flow. */
    public DeviceCode startDevice(String deviceEndpoint, String clientId, String scope) {
        JsonNode r = post(deviceEndpoint, Map.of("client_id", clientId, "scope", scope)).body();
        require(r, "device_code", deviceEndpoint);
        String uri = r.hasNonNull("verification_uri") ? r.get("verification_uri").asText()
                : r.path("verification_url").asText(); // Google's older name
        return new DeviceCode(r.get("device_code").asText(), r.path("user_code").asText(), uri,
                Duration.ofSeconds(r.path("interval").asLong(5)), Duration.ofSeconds(r.path("expires_in").asLong(900)));
    }

    /**
     * RFC 8628 §3.4: one poll; empty while the person has not finished ({@code authorization_pending}).
     *
     * @throws SlowDownException when the endpoint asks for a longer interval
     */
    public java.util.Optional<TokenResponse> pollDevice(String tokenEndpoint, String clientId,
                                                        String clientSecretOrNull, String deviceCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "urn:ietf:params:oauth:grant-type:device_code");
        form.put("device_code", deviceCode);
        form.put("client_id", clientId);
        if (clientSecretOrNull != null) {
            form.put("client_secret", clientSecretOrNull);
        }
        Reply reply = post(tokenEndpoint, form);
        String error = reply.body().path("error").asText("");
        if ("authorization_pending".equals(error)) {
            return java.util.Optional.empty();
        }
        if ("slow_down".equals(error)) {
            throw new SlowDownException();
        }
        return java.util.Optional.of(tokens(reply, tokenEndpoint));
    }

    /** The endpoint asked to poll less often (RFC 8628 §3.5: add 5 seconds). */
    public static final class SlowDownException extends RuntimeException {
        SlowDownException() {
            super("slow_down");
        }
    }

    private static TokenResponse tokens(Reply reply, String endpoint) {
        JsonNode r = reply.body();
        if (r.hasNonNull("error") || reply.status() >= 400) {
            String error = r.path("error").asText("http " + reply.status());
            String text = "token endpoint " + endpoint + " refused: " + error
                    + (r.hasNonNull("error_description") ? " (" + r.get("error_description").asText() + ")" : "");
            if (PERMANENT.contains(error)) {
                throw new TokenRefusedException(text);
            }
            throw new TokenUnavailableException(text, null);
        }
        require(r, "access_token", endpoint);
        return new TokenResponse(r.get("access_token").asText(), Duration.ofSeconds(r.path("expires_in").asLong(3600)),
                r.hasNonNull("refresh_token") ? r.get("refresh_token").asText() : null);
    }

    private static void require(JsonNode r, String field, String endpoint) {
        if (!r.hasNonNull(field)) {
            throw new TokenUnavailableException("token endpoint " + endpoint + " answered without " + field, null);
        }
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply post(String endpoint, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500 || response.statusCode() == 429) {
                throw new TokenUnavailableException("token endpoint " + endpoint + " answered HTTP "
                        + response.statusCode() + "; retrying later", null);
            }
            return new Reply(response.statusCode(), Json.MAPPER.readTree(response.body().isBlank() ? "{}" : response.body()));
        } catch (IOException e) {
            throw new TokenUnavailableException("token endpoint " + endpoint + " cannot be reached: " + e.getMessage()
                    + " (check the network and the endpoint's address)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenUnavailableException("interrupted while asking " + endpoint, e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
