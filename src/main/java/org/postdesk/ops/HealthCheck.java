package org.postdesk.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.postdesk.config.OpsConfig;
import org.postdesk.store.DaemonInfo;
import org.postdesk.store.DaemonRegistry;
import org.postdesk.store.Database;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MailboxState;
import org.postdesk.store.MailboxStatusRow;
import org.postdesk.store.OpsRepository;
import org.postdesk.store.OutboxBacklog;

/**
 * The health rules: DOWN when the store does not answer, when an enabled mailbox has been in ERROR for longer
 * than {@code health.mailbox-error-grace}, or when the oldest pending outbox mail is older than
 * {@code health.outbox-max-age}. A brief outage within the grace stays UP: the worker retries on its own.
 */
public final class HealthCheck {
    private final Database db;
    private final OpsConfig config;
    private final Clock clock;

    public HealthCheck(Database db, OpsConfig config, Clock clock) {
        this.db = db;
        this.config = config;
        this.clock = clock;
    }

    public HealthReport check() {
        Instant now = clock.instant();
        List<MailboxStatusRow> rows;
        List<OutboxBacklog> backlog;
        Map<Long, DaemonInfo> watchers;
        try {
            new OpsRepository(db.dsl()).ping();
            rows = new MailboxRepository(db.dsl()).listWithState();
            backlog = new OpsRepository(db.dsl()).outboxBacklog();
            watchers = new DaemonRegistry(db.dsl()).watchers();
        } catch (RuntimeException e) {
            String problem = "store: the database does not answer: " + e.getMessage()
                    + " (check db.url and that the database runs)";
            return new HealthReport("DOWN", now, "DOWN", List.of(),
                    new HealthReport.OutboxHealth(0, 0, config.outboxMaxAge().toSeconds(), List.of()), List.of(problem));
        }
        List<String> problems = new ArrayList<>();
        List<HealthReport.MailboxHealth> mailboxes = new ArrayList<>();
        for (MailboxStatusRow row : rows) {
            MailboxState s = row.state();
            DaemonInfo watcher = watchers.get(row.mailbox().id());
            mailboxes.add(new HealthReport.MailboxHealth(row.mailbox().name(), row.mailbox().enabled(), s.state(),
                    s.errorSince(), s.lastError(), s.lastOkAt(), watcher == null ? null : watcher.display()));
            mailboxProblem(row, now).ifPresent(problems::add);
        }
        HealthReport.OutboxHealth outbox = outbox(backlog, now);
        if (outbox.oldestPendingAgeSeconds() > config.outboxMaxAge().toSeconds()) {
            problems.add("outbox: the oldest pending mail waits for " + human(outbox.oldestPendingAgeSeconds())
                    + ", longer than health.outbox-max-age=" + human(config.outboxMaxAge().toSeconds())
                    + " (see postdesk mailbox list and the outbox's last errors in the log)");
        }
        return new HealthReport(problems.isEmpty() ? "UP" : "DOWN", now, "UP", mailboxes, outbox, problems);
    }

    private Optional<String> mailboxProblem(MailboxStatusRow row, Instant now) {
        MailboxState s = row.state();
        if (!row.mailbox().enabled() || !MailboxRepository.ERROR.equals(s.state())) {
            return Optional.empty();
        }
        Instant since = s.errorSince() != null ? s.errorSince() : s.updatedAt();
        Duration failing = since == null ? Duration.ZERO : Duration.between(since, now);
        if (failing.compareTo(config.mailboxErrorGrace()) <= 0) {
            return Optional.empty();
        }
        return Optional.of("mailbox " + row.mailbox().name() + ": in ERROR for " + human(failing.toSeconds())
                + ", longer than health.mailbox-error-grace=" + human(config.mailboxErrorGrace().toSeconds()) + ": "
                + s.lastError());
    }

    private HealthReport.OutboxHealth outbox(List<OutboxBacklog> backlog, Instant now) {
        List<HealthReport.MailboxOutbox> per = backlog.stream().map(b -> new HealthReport.MailboxOutbox(b.mailbox(),
                b.pending(), age(b.oldestPendingSince(), now))).collect(Collectors.toList());
        int pending = per.stream().mapToInt(HealthReport.MailboxOutbox::pending).sum();
        long oldest = per.stream().mapToLong(HealthReport.MailboxOutbox::oldestPendingAgeSeconds).max().orElse(0);
        return new HealthReport.OutboxHealth(pending, oldest, config.outboxMaxAge().toSeconds(), per);
    }

    private static long age(Instant since, Instant now) {
        return since == null ? 0 : Math.max(0, Duration.between(since, now).toSeconds());
    }

    /** 75 → "1m15s", 7200 → "2h0m". */
    static String human(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
        }
        return seconds / 3600 + "h" + (seconds % 3600) / 60 + "m";
    }
}
