package org.postdesk.bench;

import static org.postdesk.store.db.Tables.MESSAGE;
import static org.postdesk.store.db.Tables.OUTBOX;

import java.time.Duration;
import org.jooq.impl.DSL;
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

    int outboxRows(String kind) {
        return db().dsl().fetchCount(OUTBOX, OUTBOX.KIND.eq(kind));
    }

    long lastInboundId() {
        Long id = db().dsl().select(DSL.max(MESSAGE.ID)).from(MESSAGE).fetchOne(0, Long.class);
        return id == null ? 0 : id;
    }

    /** Seconds from the first to the last inbound message stored after message {@code afterId}. */
    double storedSpanSeconds(long afterId) {
        var r = db().dsl().select(DSL.min(MESSAGE.STORED_AT), DSL.max(MESSAGE.STORED_AT)).from(MESSAGE)
                .where(MESSAGE.ID.gt(afterId).and(MESSAGE.DIRECTION.eq("IN"))).fetchOne();
        if (r == null || r.value1() == null) {
            return 0;
        }
        return Duration.between(r.value1(), r.value2()).toNanos() / 1e9;
    }

    int pendingAcks() {
        return stack.pendingOutbox();
    }

    String workerState() {
        return stack.workerState();
    }
}
