package org.postdesk.daemon;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.postdesk.app.AgentNotices;
import org.postdesk.app.AgentReplyHandler;
import org.postdesk.app.ConfirmExpiry;
import org.postdesk.app.DeliveryFailureNotice;
import org.postdesk.app.IdleRelease;
import org.postdesk.app.IngestService;
import org.postdesk.app.Notifier;
import org.postdesk.app.SurveyOffers;
import org.postdesk.app.SurveyReplies;
import org.postdesk.app.TicketWriter;
import org.postdesk.app.sender.DkimCheck;
import org.postdesk.app.sender.SenderTrust;
import org.postdesk.app.sender.SenderVerifier;
import org.postdesk.config.PostdeskConfig;
import org.postdesk.config.SecretBox;
import org.postdesk.deadlines.Escalations;
import org.postdesk.deadlines.SlaSweeper;
import org.postdesk.ingest.Disposition;
import org.postdesk.ingest.FolderOpener;
import org.postdesk.ingest.ImapConnector;
import org.postdesk.ingest.MailboxUnavailableException;
import org.postdesk.ingest.MailboxWorker;
import org.postdesk.ingest.WorkerSettings;
import org.postdesk.mail.MimeComposer;
import org.postdesk.mail.MimeParser;
import org.postdesk.oauth.AccessTokens;
import org.postdesk.oauth.TokenClient;
import org.postdesk.oauth.TokenRefusedException;
import org.postdesk.oauth.TokenUnavailableException;
import org.postdesk.ops.Metrics;
import org.postdesk.outbound.Acknowledgements;
import org.postdesk.outbound.AgentMailer;
import org.postdesk.outbound.AutoHeaders;
import org.postdesk.outbound.CannedAnswers;
import org.postdesk.outbound.DigestMailer;
import org.postdesk.outbound.OAuthFailureNotice;
import org.postdesk.outbound.OutboundQueue;
import org.postdesk.outbound.OutboxSender;
import org.postdesk.outbound.OutboxSignal;
import org.postdesk.outbound.ReplyRelay;
import org.postdesk.outbound.RetryPolicy;
import org.postdesk.outbound.SmtpGateway;
import org.postdesk.outbound.SurveyMailer;
import org.postdesk.outbound.Templates;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.tickets.AutoreplyBudget;
import org.postdesk.tickets.RobotSenders;
import org.postdesk.tickets.Threading;
import org.postdesk.tickets.ThreadingPolicy;
import org.postdesk.tickets.agent.IdlePolicy;
import org.postdesk.tickets.agent.ReplyTokenCodec;
import org.postdesk.tickets.survey.SurveyTokens;

/** Builds the objects of the message flow from the configuration; the only place they are wired. */
public final class Pipeline {
    /** Locales with shipped templates; a customer's declared language outside these falls back. */
    public static final Set<String> LOCALES = Set.of("en", "ru", "uk");
    private static final Duration SENDER_POLL = Duration.ofSeconds(5);
    /** The reply-token HMAC key is derived from the secret key under this purpose (see SecretBox#deriveKey). */
    private static final String REPLY_TOKEN_KEY = "reply-token/v1";
    /** The satisfaction survey's tokens have a key of their own (issue 12). */
    private static final String SURVEY_TOKEN_KEY = "survey-token/v1";
    private static final Duration MAX_IDLE_SWEEP_EVERY = Duration.ofMinutes(1);
    private static final Duration SLA_SWEEP_EVERY = Duration.ofMinutes(1);

    private final PostdeskConfig config;
    private final Database db;
    private final SecretBox secrets;
    private final OutboxSignal signal = new OutboxSignal();
    private final AtomicReference<Set<String>> ownAddresses = new AtomicReference<>(Set.of());
    private final IngestService ingest;
    /** The gateway given for tests and benchmarks, shared by every sender; null in production. */
    private final SmtpGateway injectedGateway;
    private final Clock clock;
    private final IdleRelease idleRelease;
    private final ConfirmExpiry confirmExpiry;
    private final DeliveryFailureNotice deliveryFailures;
    private final Escalations escalations;
    private final Metrics metrics;
    private final AccessTokens accessTokens;
    private final SurveyOffers surveyOffers;
    private final DigestScheduler digests;

    public Pipeline(PostdeskConfig config, Database db, SecretBox secrets, Path templatesDir, Clock clock) {
        this(config, db, secrets, templatesDir, clock, null);
    }

    /** With a {@code gateway} other than the mailboxes' SMTP servers (benchmarks, tests); null for those. */
    public Pipeline(PostdeskConfig config, Database db, SecretBox secrets, Path templatesDir, Clock clock,
                    SmtpGateway gateway) {
        this(config, db, secrets, templatesDir, clock, gateway, DkimCheck.withSystemDns());
    }

    /** With the DKIM key lookup {@code dkim} (tests sign with their own key); DNS in production. */
    public Pipeline(PostdeskConfig config, Database db, SecretBox secrets, Path templatesDir, Clock clock,
                    SmtpGateway gateway, DkimCheck dkim) {
        this.config = config;
        this.db = db;
        this.secrets = secrets;
        this.clock = clock;
        this.injectedGateway = gateway;
        Templates templates = Templates.stored(db, templatesDir);
        OutboundQueue queue = new OutboundQueue(new MimeComposer(clock));
        AutoHeaders autoHeaders = new AutoHeaders(config.loopMarker());
        Acknowledgements acks = new Acknowledgements(templates, queue, autoHeaders);
        ReplyTokenCodec tokens = replyTokens(secrets);
        AgentNotices notices = new AgentNotices(new AgentMailer(templates, queue, autoHeaders, tokens));
        TicketWriter writer = new TicketWriter(acks, new AutoreplyBudget(config.autoRepliesPerSenderPerHour()),
                LOCALES, new Notifier(notices));
        this.ingest = new IngestService(db, new MimeParser(config.ingest().maxAttachmentBytes(), config.ingest().maxBodyBytes()),
                new Threading(new ThreadingPolicy(config.threading().reopenWindow()), clock), writer,
                ownAddresses::get, config.loopMarker(), clock, signal::wake,
                AgentReplyHandler.create(tokens, new ReplyRelay(templates, queue), notices,
                        new CannedAnswers(templates), config.agents().allowSteal(),
                        new SenderVerifier(new SenderTrust(config.agents().trustedAuthservIds(),
                                config.agents().trustedRelays()), dkim), config.agents().confirmExpiry()),
                new RobotSenders(config.ingest().robotSenders()));
        this.confirmExpiry = new ConfirmExpiry(db, clock);
        this.idleRelease = new IdleRelease(db, notices, new IdlePolicy(config.agents().idleRelease()), clock);
        this.deliveryFailures = new DeliveryFailureNotice(notices);
        this.escalations = new Escalations(notices);
        this.metrics = new Metrics(db);
        OAuthFailureNotice oauthNotice = new OAuthFailureNotice(templates, queue, autoHeaders);
        this.accessTokens = new AccessTokens(db, secrets, new TokenClient(), clock)
                .notifyWith(oauthNotice::grantFailed);
        ingest.observeWith(metrics);
        SurveyTokens surveyTokens = new SurveyTokens(secrets.deriveKey(SURVEY_TOKEN_KEY));
        ingest.answerSurveysWith(new SurveyReplies(surveyTokens, notices));
        this.surveyOffers = new SurveyOffers(db, new SurveyMailer(templates, queue, autoHeaders, surveyTokens),
                config.reports().surveyMinInterval(), clock);
        this.digests = new DigestScheduler(db, config.reports(), new DigestMailer(templates, new MimeComposer(clock),
                autoHeaders), clock);
        refreshOwnAddresses();
    }

    /**
     * Mails to agents queued from outside the daemon (the admin CLI): the same templates, headers and reply
     * tokens, so an agent can answer them; the running daemon's outbox sender delivers them.
     */
    public static AgentNotices agentNotices(PostdeskConfig config, Database db, SecretBox secrets, Path templatesDir,
                                            Clock clock) {
        return new AgentNotices(new AgentMailer(Templates.stored(db, templatesDir),
                new OutboundQueue(new MimeComposer(clock)), new AutoHeaders(config.loopMarker()), replyTokens(secrets)));
    }

    private static ReplyTokenCodec replyTokens(SecretBox secrets) {
        return new ReplyTokenCodec(secrets.deriveKey(REPLY_TOKEN_KEY));
    }

    /** Our own addresses (every mailbox's), so mail from them is never answered automatically. */
    public void refreshOwnAddresses() {
        ownAddresses.set(new MailboxRepository(db.dsl()).list().stream()
                .map(Mailbox::address).map(String::toLowerCase).collect(Collectors.toUnmodifiableSet()));
    }

    public IngestService ingest() {
        return ingest;
    }

    public OutboxSender newSender() {
        return newSender("");
    }

    /** A sender whose claims name {@code daemonId}, freed as soon as that daemon is seen dead. */
    public OutboxSender newSender(String daemonId) {
        RetryPolicy retry = new RetryPolicy(config.outbox().initialBackoff(), config.outbox().maxBackoff(),
                config.outbox().giveUpAfter());
        // Each sender keeps its own SMTP connections, so senders never wait for each other's.
        SmtpGateway gateway = metrics.smtp(injectedGateway != null ? injectedGateway
                : new MailboxSmtpGateway(db, secrets, accessTokens));
        return new OutboxSender(db, gateway, retry, signal, clock, SENDER_POLL, deliveryFailures, daemonId,
                config.outbox().batchSize(), config.outbox().recordWithin());
    }

    /** Frees tickets whose owner has been idle too long; the daemon runs it every {@link #idleSweepEvery()}. */
    public IdleRelease idleRelease() {
        return idleRelease;
    }

    /** Lets agent replies held for confirmation lapse; the daemon runs it with the idle release. */
    public ConfirmExpiry confirmExpiry() {
        return confirmExpiry;
    }

    /** Often enough that a ticket is freed at most a quarter of {@code agents.idle-release} late. */
    public Duration idleSweepEvery() {
        Duration quarter = config.agents().idleRelease().dividedBy(4);
        return quarter.compareTo(MAX_IDLE_SWEEP_EVERY) < 0 ? quarter : MAX_IDLE_SWEEP_EVERY;
    }

    /** The SLA scheduler (issue 11); the daemon runs it on its own thread, {@code sla-sweeper}. */
    public SlaSweeper newSlaSweeper() {
        return new SlaSweeper(db, escalations, clock, SLA_SWEEP_EVERY).observeWith(metrics);
    }

    /** The survey and digest jobs (issue 12); the daemon runs them on their own thread. */
    ReportJobs newReportJobs() {
        return new ReportJobs(surveyOffers, digests);
    }

    public WorkerSettings workerSettings() {
        return new WorkerSettings(config.ingest().pollInterval(), config.ingest().useIdle(), config.ingest().idleRenew(),
                config.ingest().reconnectMaxBackoff(), config.ingest().maxMessageBytes(), config.ingest().batchSize(),
                config.ingest().batchTime());
    }

    /** Opens a mailbox's folder with a read timeout that outlasts one IDLE round. */
    public FolderOpener folderOpener() {
        Duration readTimeout = config.ingest().idleRenew().plusMinutes(1);
        return metrics.imap(mailbox -> imapConnector(mailbox).withReadTimeout(readTimeout).open());
    }

    /** The mailbox's IMAP sign-in: its OAuth2 access token (XOAUTH2) when it has one, else its password. */
    private ImapConnector imapConnector(Mailbox mailbox) {
        ImapConnector connector = ImapConnector.forMailbox(mailbox, secrets);
        try {
            return accessTokens.forMailbox(mailbox).map(connector::withAccessToken).orElse(connector);
        } catch (TokenRefusedException e) {
            throw new MailboxUnavailableException(mailbox.name(), MailboxUnavailableException.Failure.AUTH,
                    e.getMessage(), e);
        } catch (TokenUnavailableException e) {
            throw new MailboxUnavailableException(mailbox.name(), MailboxUnavailableException.Failure.OTHER,
                    "mailbox " + mailbox.name() + ": no OAuth2 access token: " + e.getMessage(), e);
        }
    }

    /** The mailboxes' OAuth2 access tokens; the daemon refreshes the due ones every minute. */
    public AccessTokens accessTokens() {
        return accessTokens;
    }

    /** The daemon's meters, fed by this pipeline's workers and senders. */
    public Metrics metrics() {
        return metrics;
    }

    /** Reads everything waiting in {@code mailbox} once, without a worker thread. */
    public void ingestAllNow(Mailbox mailbox) {
        ScheduledExecutorService none = Executors.newSingleThreadScheduledExecutor(new NamedThreads("drain-timer"));
        try {
            new MailboxWorker(mailbox, folderOpener(), ingest, db, workerSettings(),
                    Disposition.forMailbox(mailbox.moveTo()), none, clock).drainOnce();
        } finally {
            none.shutdownNow();
        }
    }

    public Database db() {
        return db;
    }

    /** Wakes this pipeline's outbox senders: mail became due that no commit of theirs announced. */
    void wakeOutbox() {
        signal.wake();
    }

    public Clock clock() {
        return clock;
    }

    public PostdeskConfig config() {
        return config;
    }
}
