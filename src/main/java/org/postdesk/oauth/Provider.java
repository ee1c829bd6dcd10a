package org.postdesk.oauth;

import java.util.Locale;

/**
 * Where a provider's token and device-authorization endpoints are, and the scope that allows IMAP and SMTP.
 *
 * @param deviceEndpoint null when the provider has none (custom without --device-endpoint)
 */
public record Provider(String name, String tokenEndpoint, String deviceEndpoint, String scope) {
    /** Google: one scope for IMAP and SMTP; a refresh token is issued with the first consent. */
    public static Provider google() {
        return new Provider("google", "https://oauth2.googleapis.com/token",
                "https://oauth2.googleapis.com/device/code", "https://mail.google.com/");
    }

    /** Microsoft 365 (Entra ID); {@code tenant} is the directory's id or domain, or "organizations". */
    public static Provider microsoft(String tenant) {
        String base = "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/";
        return new Provider("microsoft", base + "token", base + "devicecode",
                "offline_access https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/SMTP.Send");
    }

    /**
     * The provider named on the command line.
     *
     * @throws IllegalArgumentException naming what is missing
     */
    public static Provider of(String name, String tenantOrNull, String tokenEndpointOrNull, String deviceEndpointOrNull,
                              String scopeOrNull) {
        Provider p;
        switch (name.toLowerCase(Locale.ROOT)) {
            case "google":
                p = google();
                break;
            case "microsoft":
                p = microsoft(tenantOrNull == null || tenantOrNull.isBlank() ? "organizations" : tenantOrNull);
                break;
            case "custom":
                if (tokenEndpointOrNull == null || scopeOrNull == null) {
                    throw new IllegalArgumentException("--provider custom needs --token-endpoint and --scope");
                }
                p = new Provider("custom", tokenEndpointOrNull, deviceEndpointOrNull, scopeOrNull);
                break;
            default:
                throw new IllegalArgumentException("unknown provider " + name + ": use google, microsoft or custom");
        }
        return new Provider(p.name(), tokenEndpointOrNull != null ? tokenEndpointOrNull : p.tokenEndpoint(),
                deviceEndpointOrNull != null ? deviceEndpointOrNull : p.deviceEndpoint(),
                scopeOrNull != null ? scopeOrNull : p.scope());
    }
}
