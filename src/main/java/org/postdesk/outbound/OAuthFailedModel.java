package org.postdesk.outbound;

/**
 * What the notice of a mailbox whose OAuth2 sign-in failed for good ({@code oauth-failed}) gets, as
 * {@code ${t.<component>}}: who it is for, the mailbox, the provider, the provider's reason and the command that
 * signs the mailbox in again.
 */
public record OAuthFailedModel(String agentName, String mailbox, String address, String provider, String reason,
                               String command) {
}
