package org.postdesk.bench;

import static org.postdesk.store.db.Tables.MESSAGE;
import static org.postdesk.store.db.Tables.OUTBOX;

import org.postdesk.daemon.Pipeline;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.TicketRepository;

/** What every phase works on: the server, the store, the production pipeline and its support mailbox. */
record BenchContext(BenchOptions options, BenchServer server, Database db, Pipeline pipeline, Mailbox mailbox,
                    AckTimes acks, MailFactory mail, HeapMonitor heap) {

    int inboundMessages() {
        return db.dsl().fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("IN"));
    }

    int tickets() {
        return new TicketRepository(db.dsl()).count();
    }

    int outboxRows() {
        return db.dsl().fetchCount(OUTBOX);
    }

    int pendingAcks() {
        return new OutboxRepository(db.dsl()).countByStatus(OutboxRepository.PENDING);
    }

    String workerState() {
        return new MailboxRepository(db.dsl()).state(mailbox.id()).state();
    }
}
