package org.postdesk.oauth;

import java.time.Instant;
import org.jooq.DSLContext;
import org.postdesk.store.Mailbox;

/**
 * Told, in the transaction that marks the grant FAILED, that a mailbox's OAuth2 grant was refused for good: it
 * runs exactly once per failure (the mark is conditional, also with several daemons), and what it queues
 * commits or rolls back with the mark.
 */
@FunctionalInterface
public interface GrantFailureListener {
    GrantFailureListener NONE = (tx, mailbox, provider, reason, now) -> { };

    void grantFailed(DSLContext tx, Mailbox mailbox, String provider, String reason, Instant now);
}
