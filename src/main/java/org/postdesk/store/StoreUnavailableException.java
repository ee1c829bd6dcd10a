package org.postdesk.store;

/** The database cannot be reached or migrated; retryable once the server is back. */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
