package org.postdesk.ops;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postdesk.app.IngestObserver;
import org.postdesk.app.IngestResult;
import org.postdesk.deadlines.SlaObserver;
import org.postdesk.ingest.FolderOpener;
import org.postdesk.outbound.SmtpGateway;
import org.postdesk.sla.SlaTarget;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.TicketSlaRepository.NoticeKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's meters, in one Prometheus registry. Counters and the latency histogram are fed by the flow as it
 * runs; what lives in the store (outbox depth, mailbox states) is read at each scrape by {@link StoreGauges}.
 * Names follow Prometheus conventions; the README's "Monitoring" section lists them.
 */
public final class Metrics implements IngestObserver, SlaObserver {
    private static final Logger log = LoggerFactory.getLogger(Metrics.class);
    /** Arrival to commit: sub-second normally, minutes when a mailbox was down. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
        Duration.ofMinutes(15)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Database db;
    private final Map<Long, String> mailboxNames = new ConcurrentHashMap<>();
    private final StoreGauges storeGauges;

    public Metrics(Database db) {
        this.db = db;
        this.storeGauges = new StoreGauges(registry, db);
    }

    /**
     * Adds the JVM's and the connection pool's meters; once per process, by the daemon that serves them (each
     * JVM binder registers listeners that live as long as the JVM).
     */
    public void bindProcessMeters() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        DataSource ds = db.dataSource();
        if (ds instanceof HikariDataSource hikari) {
            try {
                hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
            } catch (IllegalStateException e) {
                log.warn("connection pool metrics unavailable: {}", e.getMessage());
            }
        }
    }

    /** The text exposition format, with the store's gauges read just now. */
    public String scrape() {
        storeGauges.refresh();
        return registry.scrape();
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void stored(Stored event) {
        String mailbox = event.mailbox().name();
        count("postdesk.messages.ingested", "Inbound messages stored or skipped, by what they became",
                Tags.of("mailbox", mailbox, "outcome", outcome(event)));
        if (event.result().outcome() == IngestResult.Outcome.AGENT_REPLY) {
            count("postdesk.agent.replies", "Agents' replies by what was done with them",
                    Tags.of("mailbox", mailbox, "result", agentReplyResult(event)));
        }
    }

    /** One of new_ticket, follow_up, duplicate, automated, bounce, quarantined, agent_reply. */
    static String outcome(Stored e) {
        if (e.reduced()) {
            return "quarantined";
        }
        switch (e.result().outcome()) {
            case DUPLICATE:
                return "duplicate";
            case AGENT_REPLY:
                return "agent_reply";
            default:
                break;
        }
        if (e.returned()) {
            return "bounce";
        }
        if (e.automated()) {
            return "automated";
        }
        return e.result().outcome() == IngestResult.Outcome.NEW_TICKET ? "new_ticket" : "follow_up";
    }

    /** relayed (sent to the customer), held (another agent owns the ticket), refused (bad commands), note, commands. */
    static String agentReplyResult(Stored e) {
        String kind = e.result().agentKind() == null ? "" : e.result().agentKind();
        switch (kind) {
            case "AGENT_REPLY":
                return "relayed";
            case "AGENT_HELD":
                return "held";
            case "AGENT_ERROR":
                return "refused";
            default:
                return kind.startsWith("AGENT_") ? kind.substring(6).toLowerCase() : "other";
        }
    }

    /** {@code postdesk_sla_warnings_total} and {@code postdesk_sla_breaches_total}, by mailbox and target. */
    @Override
    public void sent(long mailboxId, SlaTarget target, NoticeKind kind) {
        Tags tags = Tags.of("mailbox", mailboxName(mailboxId), "target", target.key());
        if (kind == NoticeKind.WARNING) {
            count("postdesk.sla.warnings", "SLA warnings sent before a target fell due", tags);
        } else {
            count("postdesk.sla.breaches", "SLA targets breached (each escalated once)", tags);
        }
    }

    @Override
    public void arrivalToCommit(Mailbox mailbox, Duration latency) {
        Timer.builder("postdesk.ingest.latency").description("IMAP arrival (INTERNALDATE) to the stored commit")
                .tags("mailbox", mailbox.name()).serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry).record(latency.isNegative() ? Duration.ZERO : latency);
    }

    /** Counts SMTP results by class (2xx, 4xx, 5xx, connect) around the real gateway. */
    public SmtpGateway smtp(SmtpGateway gateway) {
        return new MeteredSmtpGateway(gateway, this);
    }

    void smtpResult(long mailboxId, String resultClass) {
        count("postdesk.smtp.results", "SMTP hand-overs by result: 2xx, 4xx, 5xx, or connect (no answer)",
                Tags.of("mailbox", mailboxName(mailboxId), "class", resultClass));
    }

    /** Counts IMAP connections after a mailbox's first in this process: reconnects, and failed attempts. */
    public FolderOpener imap(FolderOpener opener) {
        Map<Long, Boolean> opened = new ConcurrentHashMap<>();
        return mailbox -> {
            Tags tags = Tags.of("mailbox", mailbox.name());
            if (opened.putIfAbsent(mailbox.id(), true) != null) {
                count("postdesk.imap.reconnects", "IMAP connections after the worker's first", tags);
            }
            try {
                return opener.open(mailbox);
            } catch (RuntimeException e) {
                count("postdesk.imap.connect.failures", "IMAP connection or login attempts that failed", tags);
                throw e;
            }
        };
    }

    private void count(String name, String description, Tags tags) {
        Counter.builder(name).description(description).tags(tags).register(registry).increment();
    }

    private String mailboxName(long mailboxId) {
        String known = mailboxNames.get(mailboxId);
        if (known != null) {
            return known;
        }
        try {
            String name = new MailboxRepository(db.dsl()).byId(mailboxId).map(Mailbox::name).orElse("id-" + mailboxId);
            mailboxNames.put(mailboxId, name);
            return name;
        } catch (RuntimeException e) {
            return "id-" + mailboxId; // not remembered: the next send asks the store again
        }
    }
}
