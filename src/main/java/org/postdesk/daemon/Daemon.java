package org.postdesk.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.postdesk.deadlines.SlaSweeper;
import org.postdesk.ingest.Disposition;
import org.postdesk.ingest.MailboxWorker;
import org.postdesk.mail.ScratchFiles;
import org.postdesk.ops.OpsServer;
import org.postdesk.outbound.OutboxSender;
import org.postdesk.store.DaemonRegistry;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running help desk: one thread per enabled mailbox, {@code outbox.senders} outbox senders, and a
 * supervisor that picks up mailboxes added, changed, disabled or removed while it runs. Stops in reverse order.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Daemon.class);
    private static final Duration SUPERVISE_EVERY = Duration.ofSeconds(5);
    /** Heartbeat and share: a daemon's departure or arrival is acted on well within a minute. */
    private static final Duration BEAT_EVERY = Duration.ofSeconds(5);
    /** OAuth2 access tokens are refreshed ahead of expiry, so a revoked grant shows while its mailbox stays connected. */
    private static final Duration TOKENS_EVERY = Duration.ofMinutes(1);

    private final Pipeline pipeline;
    private final PoolBudget pool;
    private int workersWarnedFor;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(new NamedThreads("daemon-timer"));
    private final Map<String, Running> workers = new HashMap<>();
    private final List<OutboxSender> senders = new ArrayList<>();
    private final List<Thread> senderThreads = new ArrayList<>();
    private volatile boolean stopped;
    private volatile boolean started;
    /** When the daemon's timer last ran its heartbeat task: a stuck timer means a hung daemon (the watchdog). */
    private volatile Instant lastTick = Instant.now();
    private final Balancer balancer;
    private SlaSweeper slaSweeper;
    private ReportJobs reportJobs;
    private Thread slaThread;

    public Daemon(Pipeline pipeline) {
        this.pipeline = pipeline;
        this.pool = new PoolBudget(pipeline.config().db().poolSize(), pipeline.config().outbox().senders(),
                otherStoreThreads(pipeline));
        this.balancer = new Balancer(pipeline.db(), pipeline.clock(), pipeline::wakeOutbox);
    }

    /** The threads besides workers and senders that take a connection, as {@link #start} and the launcher start them. */
    private static List<PoolBudget.Use> otherStoreThreads(Pipeline pipeline) {
        List<PoolBudget.Use> uses = new ArrayList<>(List.of(new PoolBudget.Use("sla-sweeper", 1),
                new PoolBudget.Use("report-jobs", 1), new PoolBudget.Use("daemon-timer", 1),
                new PoolBudget.Use("store-check", 1)));
        if (pipeline.config().ops().httpEnabled()) {
            uses.add(new PoolBudget.Use("http-ops", OpsServer.THREADS));
        }
        return uses;
    }

    /** This daemon's id in the registry of daemons sharing the store (random per start). */
    public String id() {
        return balancer.self().id();
    }

    public synchronized void start() {
        ScratchFiles.sweepStale(); // the spooled mail and files a killed daemon left in the temporary directory
        workersWarnedFor = new MailboxRepository(pipeline.db().dsl()).listEnabled().size();
        pool.warnIfShort(workersWarnedFor);
        int n = pipeline.config().outbox().senders();
        for (int i = 1; i <= n; i++) {
            OutboxSender sender = pipeline.newSender(balancer.self().id());
            senders.add(sender);
            senderThreads.add(NamedThreads.start(n == 1 ? "outbox-sender" : "outbox-sender-" + i, sender));
        }
        balancer.register();
        slaSweeper = pipeline.newSlaSweeper();
        slaThread = NamedThreads.start("sla-sweeper", slaSweeper);
        reportJobs = pipeline.newReportJobs();
        reportJobs.start();
        supervise();
        Rounds.every(timer, "heartbeat", BEAT_EVERY, this::beatSafely);
        Rounds.every(timer, "OAuth2 token refresh", TOKENS_EVERY, this::refreshTokensSafely);
        Rounds.every(timer, "mailbox supervision", SUPERVISE_EVERY, this::superviseSafely);
        Duration sweep = pipeline.idleSweepEvery();
        Rounds.every(timer, "idle release sweep", sweep, this::releaseIdleSafely);
        Rounds.every(timer, "sweep of unconfirmed agent replies", sweep, this::expireConfirmationsSafely);
        started = true;
        log.info("daemon started: {} mailbox worker(s)", workers.size());
    }

    private void superviseSafely() {
        try {
            supervise();
        } catch (Exception e) {
            log.warn("cannot refresh the mailbox list, keeping the current workers: {}", e.toString(), e);
        }
    }

    /** Started and not stopping: {@code /ready}. */
    public boolean ready() {
        return started && !stopped;
    }

    /** Whether the daemon's timer ran within {@code within}: what the systemd watchdog is told. */
    public boolean alive(Duration within) {
        return !stopped && lastTick.isAfter(Instant.now().minus(within));
    }

    private void beatSafely() {
        lastTick = Instant.now();
        try {
            balancer.beat();
        } catch (Exception e) {
            log.warn("cannot refresh this daemon's heartbeat and share, keeping the current one: {}", e.toString(), e);
        }
    }

    private void refreshTokensSafely() {
        try {
            pipeline.accessTokens().refreshDue();
        } catch (Exception e) {
            log.warn("OAuth2 token refresh round failed, retrying in {}: {}", TOKENS_EVERY, e.toString(), e);
        }
    }

    private void releaseIdleSafely() {
        try {
            pipeline.idleRelease().sweep();
        } catch (Exception e) {
            log.warn("idle release sweep failed, retrying on the next round: {}", e.toString(), e);
        }
    }

    private void expireConfirmationsSafely() {
        try {
            pipeline.confirmExpiry().sweep();
        } catch (Exception e) {
            log.warn("sweep of unconfirmed agent replies failed, retrying on the next round: {}", e.toString(), e);
        }
    }

    /** Starts, restarts and stops workers so they match the enabled mailboxes in the store. */
    synchronized void supervise() {
        if (stopped) {
            return;
        }
        pipeline.refreshOwnAddresses();
        List<Mailbox> enabled = new MailboxRepository(pipeline.db().dsl()).listEnabled();
        Map<String, Mailbox> wanted = new HashMap<>();
        enabled.forEach(m -> wanted.put(m.name(), m));
        workers.entrySet().removeIf(e -> {
            Mailbox now = wanted.get(e.getKey());
            boolean keep = now != null && now.equals(e.getValue().worker.mailbox()) && e.getValue().thread.isAlive();
            if (!keep) {
                log.info("mailbox {}: {}", e.getKey(), now == null ? "removed or disabled, stopping" : "changed, restarting");
                e.getValue().stop(Duration.ofSeconds(5));
                balancer.forget(e.getValue().worker.mailbox().id());
            }
            return !keep;
        });
        wanted.values().stream().filter(m -> !workers.containsKey(m.name())).forEach(this::startWorker);
        if (workers.size() > workersWarnedFor) {
            workersWarnedFor = workers.size();
            pool.warnIfShort(workersWarnedFor);
        }
    }

    private void startWorker(Mailbox mailbox) {
        BalancedLease lease = balancer.lease(mailbox);
        MailboxWorker worker = new MailboxWorker(mailbox, pipeline.folderOpener(), pipeline.ingest(), pipeline.db(),
                pipeline.workerSettings(), Disposition.forMailbox(mailbox.moveTo()), timer, pipeline.clock(), lease);
        lease.onHandOver(worker::handOver);
        workers.put(mailbox.name(), new Running(worker, NamedThreads.start("imap-" + mailbox.name(), worker)));
        log.info("mailbox {}: worker started for {}", mailbox.name(), mailbox.address());
    }

    /** Stops fetching, lets each worker finish its message in flight, then stops the sender. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        Instant deadline = Instant.now().plus(pipeline.config().shutdownTimeout().minusSeconds(1));
        timer.shutdownNow();
        workers.values().forEach(r -> r.worker.stop());
        workers.values().forEach(r -> join(r.thread, deadline));
        workers.clear();
        if (slaSweeper != null) {
            slaSweeper.stop();
            join(slaThread, deadline);
        }
        if (reportJobs != null) {
            reportJobs.close();
        }
        senders.forEach(OutboxSender::stop);
        senderThreads.forEach(t -> join(t, deadline));
        deregister();
        log.info("daemon stopped");
    }

    private void deregister() {
        try {
            balancer.deregister();
        } catch (RuntimeException e) {
            log.warn("cannot remove this daemon from the registry; the others take over its mailboxes within {}: {}",
                    DaemonRegistry.LIVENESS, e.toString());
        }
    }

    private static void join(Thread thread, Instant deadline) {
        long millis = Math.max(100, Duration.between(Instant.now(), deadline).toMillis());
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("thread {} did not stop in time; leaving it", thread.getName());
        }
    }

    /** A started worker and its thread. */
    private record Running(MailboxWorker worker, Thread thread) {
        void stop(Duration wait) {
            worker.stop();
            join(thread, Instant.now().plus(wait));
        }
    }
}
