package org.postdesk.app;

/**
 * Another worker stored the same message between our check and our insert; thrown inside the
 * transaction to roll back everything this attempt wrote, then reported as a duplicate.
 */
final class DuplicateRaceException extends RuntimeException {
    DuplicateRaceException(String dedupeKey) {
        super("message " + dedupeKey + " was stored concurrently", null, false, false);
    }
}
