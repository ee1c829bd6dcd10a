package org.postdesk.app;

import java.time.Duration;
import org.postdesk.store.Mailbox;

/** Told what each stored message did, after its commit (metrics); must be quick and never throw. */
public interface IngestObserver {
    IngestObserver NONE = new IngestObserver() {
        @Override
        public void stored(Stored event) {
        }

        @Override
        public void arrivalToCommit(Mailbox mailbox, Duration latency) {
        }
    };

    void stored(Stored event);

    /** From the server's INTERNALDATE of a newly fetched message to the commit that stored it. */
    void arrivalToCommit(Mailbox mailbox, Duration latency);

    /**
     * One stored (or skipped) message.
     *
     * @param automated the loop guard took it for automated mail (no autoreply)
     * @param returned a delivery report about a message we sent (a bounce)
     * @param reduced kept in reduced form because it broke the normal insert (quarantined)
     */
    record Stored(Mailbox mailbox, IngestResult result, boolean automated, boolean returned, boolean reduced) {
    }
}
