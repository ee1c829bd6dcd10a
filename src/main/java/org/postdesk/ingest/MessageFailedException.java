package org.postdesk.ingest;

/**
 * A message could not be stored, not because of an outage; it stays unflagged and is read again after the
 * worker's backoff, until it is quarantined ({@link org.postdesk.app.Quarantine}). Already logged with its stack trace.
 */
public final class MessageFailedException extends RuntimeException {
    public MessageFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
