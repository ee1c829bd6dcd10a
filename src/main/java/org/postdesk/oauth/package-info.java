/**
 * OAuth2 sign-in (XOAUTH2) for mailboxes at Google, Microsoft 365 or any provider by its token endpoint: the
 * token endpoint's protocol (refresh, RFC 6749 §6; device authorization, RFC 8628), and the daemon's access
 * tokens, refreshed before they expire and turned into a mailbox error when the provider refuses for good.
 *
 * <p>Hand-written over the JDK's HttpClient and Jackson rather than with the providers' SDKs: the two grants
 * are a few form posts, the same for every provider, and msal4j or google-auth-library would each bring their own
 * HTTP and JSON stacks for one provider only. May use {@code config} and {@code store}; {@code daemon} and
 * {@code cli} use it.
 */
package org.postdesk.oauth;
