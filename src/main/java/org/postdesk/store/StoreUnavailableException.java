package org.postdesk.store;


/** The database cannot be reached or migrated; retryable once the server is back. */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether waiting can help: the server is down, restarting or unreachable, or (embedded H2 shared by
     * several processes) the process serving the file was just closing it. Not when the server answered and
     * refused — a wrong password ({@code 28…}), a database that does not exist ({@code 3D…}) — or the schema
     * cannot be migrated: those need the admin, so the daemon should stop and say so.
     */
    public boolean isOutage() {
        return !DatabaseFailures.refusedForGood(getCause()) && DatabaseFailures.lostTheDatabase(getCause());
    }
}
