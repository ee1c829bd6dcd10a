package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.postdesk.store.db.Tables.OUTBOX;
import static org.postdesk.store.db.Tables.TICKET_EVENT;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.deadlines.Escalations;
import org.postdesk.sla.ScopedPolicy;
import org.postdesk.sla.SlaPolicy;
import org.postdesk.sla.SlaTarget;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.NewAgent;
import org.postdesk.store.NewTicket;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.SlaPolicyRepository;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TierRepository;

/**
 * Two whole daemons (workers, senders, SLA sweepers, each with its own pool) started at once on one embedded
 * PostgreSQL: each SLA warning and each escalation is queued, sent and audited exactly once.
 */
class EscalationTwoDaemonsTest {
    private static final Duration WAIT = Duration.ofSeconds(150);
    private static final int WARNED = 10;
    private static final int BREACHED = 10;

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path tempDir;

    private Harness harness;
    private final List<Daemon> daemons = new ArrayList<>();

    @AfterEach
    void tearDown() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void twoDaemonsSendEachWarningAndEscalationExactlyOnce() throws Exception {
        harness = new Harness(greenMail, TestDatabases.Kind.POSTGRES, tempDir, Map.of());
        long mailbox = harness.mailbox.id();
        AgentRepository agents = new AgentRepository(harness.db.dsl());
        agents.add(new NewAgent("Alice", List.of("alice@example.test"), List.of(mailbox)));
        long bob = agents.add(new NewAgent("Bob", List.of("bob@example.test"), List.of(mailbox))).id();
        long carol = agents.add(new NewAgent("Carol", List.of("carol@example.test"), List.of())).id();
        new TierRepository(harness.db.dsl()).setTier(bob, TierRepository.SECOND_LINE);
        new TierRepository(harness.db.dsl()).setTeamLead(mailbox, carol);
        // No calendar: open around the clock. A one-hour first response, warned at 48 minutes.
        new SlaPolicyRepository(harness.db.dsl()).put(mailbox, new ScopedPolicy(null, null, new SlaPolicy(
                Map.of(SlaTarget.FIRST_RESPONSE, Duration.ofHours(1)), 80, Optional.empty())), Instant.now());
        Instant now = Instant.now();
        for (int i = 0; i < WARNED + BREACHED; i++) {
            ticket(mailbox, now.minus(i < WARNED ? Duration.ofMinutes(50) : Duration.ofHours(2)));
        }

        startTogether(2);
        Await.until(WARNED + " warnings and " + BREACHED + " escalations to two people sent", WAIT,
                () -> sent(Escalations.WARNING_KIND) == WARNED && sent(Escalations.ESCALATION_KIND) == 2 * BREACHED);
        daemons.forEach(Daemon::close);   // nothing in flight any more: what is counted below is final

        assertThat(queued(Escalations.WARNING_KIND)).as("one warning per warned ticket").isEqualTo(WARNED);
        assertThat(queued(Escalations.ESCALATION_KIND)).as("second line and lead, once per breached ticket")
                .isEqualTo(2 * BREACHED);
        assertThat(events("sla-warning")).isEqualTo(WARNED);
        assertThat(events("escalation")).isEqualTo(BREACHED);
        assertThat(harness.mailTo("bob@example.test", "").size() + harness.mailTo("carol@example.test", "").size())
                .as("escalations delivered once each").isEqualTo(2 * BREACHED);
        assertThat(harness.mailTo("alice@example.test", "")).as("warnings delivered once each").hasSize(WARNED);
    }

    /** Starts {@code n} daemons over the same store from {@code n} threads released at once. */
    private void startTogether(int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Daemon>> started = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Pipeline pipeline = harness.pipeline(null);
            started.add(pool.submit(() -> {
                go.await();
                Daemon d = new Daemon(pipeline);
                d.start();
                return d;
            }));
        }
        go.countDown();
        for (Future<Daemon> f : started) {
            daemons.add(harness.alsoStop(f.get(60, TimeUnit.SECONDS)));
        }
        pool.shutdown();
    }

    private void ticket(long mailbox, Instant created) {
        harness.db.inTransactionRun(tx -> {
            TicketRepository tickets = new TicketRepository(tx);
            tickets.insert(new NewTicket(tickets.nextNumber(), mailbox, "printer", "ann@example.test", "Ann", "en", null,
                    created));
        });
    }

    private int queued(String kind) {
        return harness.db.dsl().fetchCount(OUTBOX, OUTBOX.KIND.eq(kind));
    }

    private int sent(String kind) {
        return harness.db.dsl().fetchCount(OUTBOX, OUTBOX.KIND.eq(kind), OUTBOX.STATUS.eq(OutboxRepository.SENT));
    }

    private int events(String type) {
        return harness.db.dsl().fetchCount(TICKET_EVENT, TICKET_EVENT.TYPE.eq(type));
    }
}
