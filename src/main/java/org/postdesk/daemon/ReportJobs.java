package org.postdesk.daemon;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.postdesk.app.SurveyOffers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs of issue 12 on a thread of their own ({@code report-jobs}), away from the daemon's timer: sending the
 * surveys of closed tickets, and the weekly digest, whose report can take a while on a large store and must not
 * hold up heartbeats. Each round catches its failure, logs it and runs again on the next one.
 */
final class ReportJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);
    /** How soon after a close the survey leaves, at the latest (plus the outbox's own poll). */
    static final Duration SURVEYS_EVERY = Duration.ofSeconds(10);
    /** How late after its moment a weekly digest is queued, at the latest. */
    static final Duration DIGESTS_EVERY = Duration.ofMinutes(1);
    private final SurveyOffers surveys;
    private final DigestScheduler digests;
    private final ScheduledExecutorService executor;

    ReportJobs(SurveyOffers surveys, DigestScheduler digests) {
        this.surveys = surveys;
        this.digests = digests;
        this.executor = Executors.newSingleThreadScheduledExecutor(new NamedThreads("report-jobs"));
    }

    void start() {
        Rounds.every(executor, "survey round", SURVEYS_EVERY, this::surveysSafely);
        Rounds.every(executor, "weekly digest round", DIGESTS_EVERY, this::digestsSafely);
    }

    private void digestsSafely() {
        try {
            digests.runDue();
        } catch (Exception e) {
            log.warn("weekly digest round failed, retrying in {}: {}", DIGESTS_EVERY, e.toString(), e);
        }
    }

    private void surveysSafely() {
        try {
            surveys.sweep();
        } catch (Exception e) {
            log.warn("survey round failed, retrying in {}: {}", SURVEYS_EVERY, e.toString(), e);
        }
    }

    /** Stops the jobs; a round in flight is interrupted (each ticket's transaction commits or rolls back whole). */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("report jobs did not stop within 5 s; leaving them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
