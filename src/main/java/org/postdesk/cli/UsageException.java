package org.postdesk.cli;

import org.postdesk.app.RefusedException;

/** The request cannot be done as asked (no such mailbox, name taken, …): exit code 2, message only. */
public class UsageException extends RefusedException {
    public UsageException(String message) {
        super(message);
    }
}
