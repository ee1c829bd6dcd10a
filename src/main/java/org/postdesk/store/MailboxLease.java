package org.postdesk.store;

/**
 * The right to watch one mailbox, so that several daemons sharing one PostgreSQL split the mailboxes
 * between them instead of each reading every mailbox. Correctness never depends on it (a message is
 * stored once whoever reads it); it saves the doubled IMAP and parsing work.
 */
public interface MailboxLease extends AutoCloseable {
    /** Always held: H2 serves a single daemon (one process writes its file), and tests. */
    MailboxLease GRANTED = new MailboxLease() {
        @Override
        public boolean tryAcquire() {
            return true;
        }

        @Override
        public void close() {
        }
    };

    /**
     * Holds the lease or takes it if nobody does; false while another daemon holds it.
     *
     * @throws StoreUnavailableException when the database cannot be reached
     */
    boolean tryAcquire();

    /** Gives the lease up; never throws. */
    @Override
    void close();
}
