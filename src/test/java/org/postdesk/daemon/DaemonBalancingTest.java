package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.config.SecretBox;
import org.postdesk.store.DaemonInfo;
import org.postdesk.store.DaemonRegistry;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;

/**
 * Three daemons on one PostgreSQL share six mailboxes 2-2-2; when one is killed (a real {@code kill -9} of a
 * separate JVM running {@code postdesk run}) the other two take its share, 3-3, and no message is lost or doubled.
 */
class DaemonBalancingTest {
    /** Generous: the kill is noticed after the registry's liveness window, then the leases are retried. */
    private static final Duration REBALANCE = Duration.ofSeconds(120);
    /** One customer writes all 24 messages: more acknowledgements than the default hourly budget allows. */
    private static final String AUTOREPLY_LIMIT = "POSTDESK_AUTOREPLY_PER_SENDER_PER_HOUR";
    private static final List<String> NAMES = List.of("support", "sales", "billing", "hr", "legal", "press");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path tempDir;

    private Harness harness;
    private final List<Daemon> daemons = new ArrayList<>();
    private Process child;

    @AfterEach
    void tearDown() {
        if (child != null) {
            child.destroyForcibly();
        }
        daemons.forEach(Daemon::close);
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void sixMailboxesSplitTwoTwoTwoAndThreeThreeAfterADaemonIsKilled() throws Exception {
        harness = new Harness(greenMail, TestDatabases.Kind.POSTGRES, tempDir, Map.of(AUTOREPLY_LIMIT, "1000"));
        NAMES.stream().skip(1).forEach(n -> harness.addMailbox(n, n + "@example.test"));
        Daemon a = inProcessDaemon();
        deliverRound(1);
        awaitShares("one daemon watches all six", List.of(6));
        awaitAcks(6);

        Daemon b = inProcessDaemon();
        awaitShares("two daemons share 3-3", List.of(3, 3));
        child = startChildDaemon();
        Map<String, List<Long>> split = awaitShares("three daemons share 2-2-2", List.of(2, 2, 2));
        long childPid = child.pid();
        assertThat(new DaemonRegistry(harness.db.dsl()).watchers().values()).as("the child JVM holds its two")
                .filteredOn(d -> d.pid() == childPid).hasSize(2);
        deliverRound(2);
        awaitAcks(12);
        // The sender records SENT in a transaction of its own after the SMTP transfer: wait for the record, so the
        // kill below never falls between a send and its record (which would rightly re-send after the claim ends).
        awaitSentRecorded(12);
        assertThat(split).hasSize(3);

        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: no clean stop, no deregistration
        Instant killed = Instant.now();
        deliverRound(3);
        Map<String, List<Long>> after = awaitShares("the two left share 3-3", List.of(3, 3));
        System.out.printf("balancing: 2-2-2 was %s; 3-3 %s after the kill -9 of pid %d%n", split,
                Duration.between(killed, Instant.now()).withNanos(0), childPid);
        assertThat(after.keySet()).containsExactlyInAnyOrder(idOf(a), idOf(b));
        deliverRound(4);

        awaitAcks(24);
        awaitAllMailboxesCaughtUp(4);
        awaitSentRecorded(24);
        assertThat(new TicketRepository(harness.db.dsl()).count()).as("one ticket per message").isEqualTo(24);
        assertThat(new MessageRepository(harness.db.dsl()).count()).as("24 messages in, 24 acks out").isEqualTo(48);
        assertThat(new OutboxRepository(harness.db.dsl()).countByStatus(OutboxRepository.SENT)).isEqualTo(24);
        assertThat(acks().stream().map(DaemonBalancingTest::inReplyTo).distinct().count())
                .as("each message acknowledged exactly once").isEqualTo(acks().size()).isEqualTo(24);
    }

    private Daemon inProcessDaemon() {
        Daemon d = new Daemon(harness.pipeline(null));
        d.start();
        daemons.add(d);
        return d;
    }

    private String idOf(Daemon d) {
        return d.id();
    }

    /** One message from the customer into each mailbox, with a Message-ID naming the round and the mailbox. */
    private void deliverRound(int round) {
        for (String name : NAMES) {
            harness.deliverTo(name + "@example.test", Harness.customerMail("<r" + round + "-" + name + "@example.test>",
                    "Round " + round + " for " + name, "Body"));
        }
    }

    /**
     * Waits until every mailbox is watched, only by live daemons, in the given split; returns daemon id → mailbox
     * ids. The share is read from the store (who holds each lease), the state from the workers' own reports.
     */
    private Map<String, List<Long>> awaitShares(String what, List<Integer> expected) {
        return Await.value(what, REBALANCE, this::liveShares, shares -> shares.values().stream().map(List::size)
                .sorted().collect(Collectors.toList()).equals(expected) && allWatching());
    }

    private Map<String, List<Long>> liveShares() {
        DaemonRegistry registry = new DaemonRegistry(harness.db.dsl());
        List<String> live = registry.live(Instant.now()).stream().map(DaemonInfo::id).collect(Collectors.toList());
        Map<String, List<Long>> shares = new HashMap<>();
        registry.watchers().forEach((mailbox, d) -> {
            if (live.contains(d.id())) {
                shares.computeIfAbsent(d.id(), k -> new ArrayList<>()).add(mailbox);
            }
        });
        return shares;
    }

    private boolean allWatching() {
        MailboxRepository repo = new MailboxRepository(harness.db.dsl());
        return repo.list().stream().allMatch(m -> "IDLE".equals(repo.state(m.id()).state()));
    }

    private void awaitAllMailboxesCaughtUp(int messagesEach) {
        MailboxRepository repo = new MailboxRepository(harness.db.dsl());
        Await.until("every mailbox read to its last message", REBALANCE,
                () -> repo.list().stream().allMatch(m -> repo.state(m.id()).lastUid() == messagesEach));
    }

    private void awaitSentRecorded(int n) {
        OutboxRepository outbox = new OutboxRepository(harness.db.dsl());
        Await.until(n + " outbox rows recorded as SENT", REBALANCE, () -> outbox.countByStatus(OutboxRepository.SENT) >= n);
    }

    private void awaitAcks(int n) {
        Await.until(n + " acknowledgements at the customer", REBALANCE, () -> acks().size() >= n);
    }

    private static List<MimeMessage> acks() {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(Harness.CUSTOMER));
            } catch (Exception e) {
                return false;
            }
        }).collect(Collectors.toList());
    }

    private static String inReplyTo(MimeMessage m) {
        try {
            return m.getHeader("In-Reply-To")[0];
        } catch (Exception e) {
            throw new AssertionError("acknowledgement without In-Reply-To", e);
        }
    }

    /** {@code postdesk run} in a JVM of its own against the same store and mail server. */
    private Process startChildDaemon() throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", classpath, "org.postdesk.cli.Main", "run");
        pb.directory(tempDir.toFile());
        Map<String, String> env = pb.environment();
        env.put("POSTDESK_DB_URL", ((HikariDataSource) harness.db.dataSource()).getJdbcUrl());
        env.put("POSTDESK_DB_USER", "postgres");
        env.put("POSTDESK_DB_PASSWORD", "");
        env.put("POSTDESK_DATA_DIR", tempDir.toString());
        env.put("POSTDESK_HTTP_ENABLED", "false");
        env.put(AUTOREPLY_LIMIT, "1000");
        env.put(SecretBox.KEY_ENV, Harness.KEY);
        Path log = Path.of("target", "balancing-child-daemon.log").toAbsolutePath(); // kept for a failure's post-mortem
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        Await.until("the child daemon registered (log: " + log + ")", REBALANCE, () -> !p.isAlive()
                || new DaemonRegistry(harness.db.dsl()).live(Instant.now()).stream().anyMatch(d -> d.pid() == p.pid()));
        assertThat(p.isAlive()).as("child daemon running; its log:\n%s", read(log)).isTrue();
        return p;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }
}
