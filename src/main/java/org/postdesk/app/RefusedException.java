package org.postdesk.app;

/**
 * A use case cannot be done as asked (no such ticket, a merged ticket, a disabled agent, …); the message says
 * what to do instead. The command line exits with code 2 and prints the message only.
 */
public class RefusedException extends RuntimeException {
    public RefusedException(String message) {
        super(message);
    }
}
