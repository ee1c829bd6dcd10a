/**
 * The IMAP adapter: a worker per mailbox (lease, backoff), its session (cursor, recovery, read-ahead,
 * flagging after commit) and its wait (IDLE or poll). It fetches a message's source, hands it to
 * {@link org.postdesk.app.IngestService} inside one transaction and flags or moves it after the commit; it
 * holds no help-desk rule. See docs/ARCHITECTURE.md, "Packages".
 */
package org.postdesk.ingest;
