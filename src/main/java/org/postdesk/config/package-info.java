/**
 * Configuration: {@link org.postdesk.config.ConfigLoader} reads {@code conf/postdesk.properties}
 * and the environment into the immutable {@link org.postdesk.config.PostdeskConfig}; plus the
 * values that describe a mailbox's servers ({@link org.postdesk.config.MailboxUrl},
 * {@link org.postdesk.config.TlsSettings}) and {@link org.postdesk.config.SecretBox}, which keeps
 * stored passwords encrypted.
 *
 * <p>May import the JDK only (and {@code store.DbSettings}, which {@code DbConfig} produces).
 * Every failure is a {@link org.postdesk.config.ConfigException} naming the key and the value,
 * never a secret.
 */
package org.postdesk.config;
