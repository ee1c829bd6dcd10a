package org.postdesk.bench;

import static org.postdesk.store.db.Tables.MESSAGE;
import static org.postdesk.store.db.Tables.OUTBOX;

import org.postdesk.daemon.Pipeline;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.TicketRepository;

/** What every phase of the ingest benchmark works on: the server, the store and pipeline, the mail generator. */
record BenchContext(BenchOptions options, BenchServer server, BenchStack stack, MailFactory mail, HeapMonitor heap) {

    Database db() {
        return stack.db();
    }

    Pipeline pipeline() {
        return stack.pipeline();
    }

    Mailbox mailbox() {
        return stack.mailbox();
    }

    AckTimes acks() {
        return stack.acks();
    }

    int inboundMessages() {
        return db().dsl().fetchCount(MESSAGE, MESSAGE.DIRECTION.eq("IN"));
    }

    int tickets() {
        return new TicketRepository(db().dsl()).count();
    }

    int outboxRows() {
        return db().dsl().fetchCount(OUTBOX);
    }

    int pendingAcks() {
        return stack.pendingOutbox();
    }

    String workerState() {
        return stack.workerState();
    }
}
