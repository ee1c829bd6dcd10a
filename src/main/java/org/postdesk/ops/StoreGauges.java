package org.postdesk.ops;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.postdesk.store.Database;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MailboxStatusRow;
import org.postdesk.store.OpsRepository;
import org.postdesk.store.OutboxBacklog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of what lives in the store, read at each scrape: the outbox per mailbox, each mailbox's state and its
 * open tickets breaching an SLA target. They
 * describe the shared store, so every daemon on one PostgreSQL reports the same values (aggregate with max, not sum).
 */
final class StoreGauges {
    private static final Logger log = LoggerFactory.getLogger(StoreGauges.class);
    /** Every state a worker reports; one series each, 1 for the current one. */
    static final List<String> STATES = List.of("NEW", "CONNECTED", "IDLE", "POLLING", "ERROR", "STOPPED");

    private final Database db;
    private final MultiGauge pending;
    private final MultiGauge oldestAge;
    private final MultiGauge states;
    private final MultiGauge storeUp;
    private final MultiGauge breaching;

    StoreGauges(io.micrometer.core.instrument.MeterRegistry registry, Database db) {
        this.db = db;
        this.pending = MultiGauge.builder("postdesk.outbox.pending").description("Mail waiting in the outbox")
                .register(registry);
        this.oldestAge = MultiGauge.builder("postdesk.outbox.oldest.pending.age").baseUnit("seconds")
                .description("Age of the oldest mail waiting in the outbox; 0 when none").register(registry);
        this.states = MultiGauge.builder("postdesk.mailbox.state")
                .description("1 for the state the mailbox's worker last reported").register(registry);
        this.breaching = MultiGauge.builder("postdesk.sla.breaching.tickets")
                .description("Open tickets with a breached SLA target").register(registry);
        this.storeUp = MultiGauge.builder("postdesk.store.up").description("1 when the database answered the scrape")
                .register(registry);
    }

    /** Re-reads the store; when it cannot answer, the store gauge says so and the others keep their last values. */
    void refresh() {
        try {
            Instant now = Instant.now();
            List<OutboxBacklog> backlog = new OpsRepository(db.dsl()).outboxBacklog();
            pending.register(backlog.stream().map(b -> MultiGauge.Row.of(Tags.of("mailbox", b.mailbox()), b.pending()))
                    .collect(Collectors.toList()), true);
            oldestAge.register(backlog.stream().map(b -> MultiGauge.Row.of(Tags.of("mailbox", b.mailbox()),
                    ageSeconds(b.oldestPendingSince(), now))).collect(Collectors.toList()), true);
            Map<String, Integer> breached = new OpsRepository(db.dsl()).breachingTickets();
            breaching.register(backlog.stream().map(b -> MultiGauge.Row.of(Tags.of("mailbox", b.mailbox()),
                    breached.getOrDefault(b.mailbox(), 0))).collect(Collectors.toList()), true);
            states.register(stateRows(new MailboxRepository(db.dsl()).listWithState()), true);
            storeUp.register(List.of(MultiGauge.Row.of(Tags.empty(), 1)), true);
        } catch (RuntimeException e) {
            log.warn("metrics: cannot read the store: {}", e.toString());
            storeUp.register(List.of(MultiGauge.Row.of(Tags.empty(), 0)), true);
        }
    }

    private static List<MultiGauge.Row<?>> stateRows(List<MailboxStatusRow> rows) {
        List<MultiGauge.Row<?>> out = new ArrayList<>();
        for (MailboxStatusRow row : rows) {
            for (String state : STATES) {
                out.add(MultiGauge.Row.of(Tags.of("mailbox", row.mailbox().name(), "state", state),
                        state.equals(row.state().state()) ? 1 : 0));
            }
        }
        return out;
    }

    private static double ageSeconds(Instant since, Instant now) {
        return since == null ? 0 : Math.max(0, Duration.between(since, now).toMillis() / 1000.0);
    }
}
