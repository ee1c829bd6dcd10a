package org.postdesk.daemon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.postdesk.config.ReportsConfig;
import org.postdesk.mail.MailAddress;
import org.postdesk.outbound.DigestMailer;
import org.postdesk.outbound.DigestModel;
import org.postdesk.reports.Dashboard;
import org.postdesk.reports.DigestSchedule;
import org.postdesk.reports.FactRefresher;
import org.postdesk.reports.ReportFilter;
import org.postdesk.reports.ReportSetup;
import org.postdesk.reports.Targets;
import org.postdesk.reports.TextFormat;
import org.postdesk.sla.BusinessCalendar;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.CalendarRepository;
import org.postdesk.store.Database;
import org.postdesk.store.DigestRepository;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.TierRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Mails each mailbox's weekly digest (issue 12) to its team lead when its moment ({@code mailbox set --digest
 * 'mon 08:00'}, in the mailbox calendar's zone, else {@code report.time-zone}) has come: the summary of the week
 * that ended then in the body, the whole HTML report attached. Exactly once per mailbox and week, across restarts
 * and several daemons: the report_digest row of the week is inserted in the transaction that queues the mail, and
 * only the daemon whose insert succeeds queues it. A daemon that was down at the moment catches up within
 * {@link #CATCH_UP}; a week missed for longer is skipped rather than mailed days late.
 */
final class DigestScheduler {
    private static final Logger log = LoggerFactory.getLogger(DigestScheduler.class);
    static final Duration CATCH_UP = Duration.ofDays(1);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final Database db;
    private final ReportsConfig reports;
    private final Targets targets;
    private final DigestMailer mailer;
    private final Clock clock;

    DigestScheduler(Database db, ReportsConfig reports, DigestMailer mailer, Clock clock) {
        this.db = db;
        this.reports = reports;
        this.targets = ReportSetup.targets(reports);
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Queues every digest that is due and not yet sent; returns how many. */
    int runDue() {
        Instant now = clock.instant();
        int queued = 0;
        for (DigestRepository.Scheduled s : new DigestRepository(db.dsl()).scheduled()) {
            try (var m = MDC.putCloseable("mailbox", s.name())) {
                if (runOne(s, now)) {
                    queued++;
                }
            }
        }
        return queued;
    }

    private boolean runOne(DigestRepository.Scheduled s, Instant now) {
        Optional<DigestSchedule> schedule = DigestSchedule.parse(s.schedule());
        if (schedule.isEmpty()) {
            log.warn("mailbox {}: weekly digest '{}' is not a weekday and time; fix it with: postdesk mailbox set {}"
                    + " --digest 'mon 08:00'", s.name(), s.schedule(), s.name());
            return false;
        }
        ZoneId zone = new CalendarRepository(db.dsl()).calendar(s.mailboxId()).map(BusinessCalendar::zone)
                .orElse(reports.timeZone());
        Instant end = schedule.get().lastDue(now, zone);
        Instant start = schedule.get().periodStart(end, zone);
        if (Duration.between(end, now).compareTo(CATCH_UP) > 0 || new DigestRepository(db.dsl()).claimed(s.mailboxId(),
                start)) {
            return false;
        }
        Optional<Agent> lead = new TierRepository(db.dsl()).teamLead(s.mailboxId())
                .flatMap(new AgentRepository(db.dsl())::byId).filter(Agent::active);
        if (lead.isEmpty()) {
            if (db.inTransaction(tx -> new DigestRepository(tx).claim(s.mailboxId(), start, "none: no team lead", now))) {
                log.warn("mailbox {}: weekly digest of {} not sent: no active team lead; set one with: postdesk mailbox"
                        + " set {} --team-lead AGENT", s.name(), start, s.name());
            }
            return false;
        }
        return send(s, lead.get(), start, end, zone, now);
    }

    /** Computes the report outside any transaction, then claims the week and queues the mail in one. */
    private boolean send(DigestRepository.Scheduled s, Agent lead, Instant start, Instant end, ZoneId zone,
                         Instant now) {
        Mailbox mb = new MailboxRepository(db.dsl()).byId(s.mailboxId()).orElseThrow();
        new FactRefresher(db, targets.working(), clock).refresh();
        String from = SHOWN.format(start.atZone(zone));
        String to = SHOWN.format(end.atZone(zone));
        Dashboard d = Dashboard.run(db.dsl(), targets, new ReportFilter(start, end, mb.id(), null, null, null),
                "Postdesk weekly report: " + mb.name() + ", " + from + " to " + to);
        DigestModel model = new DigestModel(mb.name(), mb.tagLabel(), lead.name(), from, to, zone.getId(),
                TextFormat.write(d.summary().tables()).stripTrailing(),
                "postdesk-" + mb.name() + "-" + from.substring(0, 10) + ".html");
        boolean queued = db.inTransaction(tx -> {
            if (!new DigestRepository(tx).claim(mb.id(), start, lead.primaryAddress(), now)) {
                return false;
            }
            mailer.queue(tx, new DigestMailer.Digest(mb.id(), new MailAddress(mb.address(), mb.tagLabel()),
                    new MailAddress(lead.primaryAddress(), lead.name()), mb.locale(), model, d.html(), now));
            return true;
        });
        if (queued) {
            log.info("weekly digest {} to {} queued for {}", from, to, lead.primaryAddress());
        }
        return queued;
    }
}
