package org.postdesk.cli;

/** The request cannot be done as asked (no such mailbox, name taken, …): exit code 2, message only. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
