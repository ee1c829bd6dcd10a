package org.postdesk.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MailboxLease} as a PostgreSQL session-level advisory lock on a connection of its own (not one
 * of the pool's, which it would hold for days). The lock lives as long as that connection: a daemon that
 * dies, or loses its database, frees its mailboxes at once, and another daemon's next try takes them.
 */
final class AdvisoryLease implements MailboxLease {
    private static final Logger log = LoggerFactory.getLogger(AdvisoryLease.class);
    /** The first key of the two-int advisory lock: "PDMB", so Postdesk's locks collide with nobody's. */
    private static final int NAMESPACE = 0x50444d42;
    private static final int VALID_CHECK_SECONDS = 5;

    private final DbSettings settings;
    private final long mailboxId;
    private Connection held;

    AdvisoryLease(DbSettings settings, long mailboxId) {
        this.settings = settings;
        this.mailboxId = mailboxId;
    }

    @Override
    public synchronized boolean tryAcquire() {
        try {
            if (held != null && held.isValid(VALID_CHECK_SECONDS)) {
                return true;
            }
            close();
            Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
            if (locked(c)) {
                held = c;
                return true;
            }
            c.close();
            return false;
        } catch (SQLException e) {
            close();
            throw new StoreUnavailableException("mailbox id " + mailboxId + ": cannot take its lease in the"
                    + " database: " + e.getMessage() + " (check that the database runs)", e);
        }
    }

    private boolean locked(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            ps.setInt(1, NAMESPACE);
            ps.setInt(2, Math.toIntExact(mailboxId));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        if (held == null) {
            return;
        }
        try {
            held.close(); // ends the session, and with it the lock
        } catch (SQLException e) {
            log.debug("mailbox id {}: closing the lease connection: {}", mailboxId, e.toString());
        }
        held = null;
    }
}
