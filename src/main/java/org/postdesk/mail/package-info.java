/**
 * Reading and writing MIME: {@link org.postdesk.mail.MimeParser} turns raw bytes into an immutable
 * {@link org.postdesk.mail.InboundMessage}; {@link org.postdesk.mail.MimeComposer} turns an
 * {@link org.postdesk.mail.OutboundMail} into RFC 5322 bytes.
 *
 * <p>May import the JDK, Jakarta Mail and SLF4J only; it knows nothing of tickets or the store.
 * Parsing never depends on global {@code mail.mime.*} system properties: header words, parameters,
 * transfer encodings and charsets are decoded leniently here, so one odd message cannot change how
 * the next one is read.
 */
package org.postdesk.mail;
