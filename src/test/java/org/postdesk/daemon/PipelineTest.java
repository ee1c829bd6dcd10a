package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postdesk.ingest.Disposition;
import org.postdesk.ingest.MailboxWorker;
import org.postdesk.outbound.DeliveryException;
import org.postdesk.outbound.OutboxSender;
import org.postdesk.outbound.SmtpConnector;
import org.postdesk.store.AttachmentContents;
import org.postdesk.store.AttachmentRow;
import org.postdesk.store.EventRepository;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.MessageRow;
import org.postdesk.store.OutboxItem;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.tickets.TicketStatus;
import org.slf4j.LoggerFactory;

class PipelineTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path tempDir;

    private Harness harness;

    @AfterEach
    void tearDown() {
        if (harness != null) {
            harness.close();
        }
    }

    private Harness harness(TestDatabases.Kind kind, Map<String, String> env) {
        harness = new Harness(greenMail, kind, tempDir, env);
        return harness;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void newMailOpensTicketAndIsAcknowledgedOnceFromTheSupportAddress(TestDatabases.Kind kind) throws Exception {
        Harness h = harness(kind, Map.of());
        h.startDaemon();
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer on fire", "Help, it burns."));

        MimeMessage ack = awaitAcks(1).get(0);
        TicketRow ticket = tickets(h).get(0);
        assertThat(ack.getSubject()).isEqualTo("[Support #" + ticket.number() + "] Printer on fire");
        assertThat(ack.getFrom()[0].toString()).contains(Harness.SUPPORT);
        assertThat(ack.getHeader("In-Reply-To")[0]).isEqualTo("<q1@example.test>");
        assertThat(ack.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
        assertThat(ack.getHeader("X-Loop")[0]).isEqualTo("postdesk");
        assertThat((String) ack.getContent()).contains(ticket.number().toString());
        assertThat(ticket.requester()).isEqualTo(Harness.CUSTOMER);
        Await.until("message flagged \\Seen", WAIT, () -> allSeen(h));
        assertThat(new MessageRepository(h.db.dsl()).byTicket(ticket.id()))
                .extracting(m -> m.direction().name() + ":" + m.kind()).containsExactly("IN:CUSTOMER", "OUT:ACK");
    }

    @Test
    void replyToTheAcknowledgementLandsInTheSameTicketWithoutAnotherAck() throws Exception {
        Harness h = harness(TestDatabases.Kind.H2, Map.of());
        h.startDaemon();
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer", "Broken."));
        String ackId = awaitAcks(1).get(0).getMessageID();

        h.deliver(Harness.customerMail("<q2@example.test>", "Re: something else", "Still broken.",
                "In-Reply-To: " + ackId, "References: <q1@example.test> " + ackId));
        Await.until("follow-up stored", WAIT, () -> new MessageRepository(h.db.dsl()).count() == 3);
        assertThat(tickets(h)).hasSize(1);
        assertThat(new OutboxRepository(h.db.dsl()).countByStatus(OutboxRepository.SENT)
                + new OutboxRepository(h.db.dsl()).countByStatus(OutboxRepository.PENDING)).isEqualTo(1);
    }

    @Test
    void aBounceOfTheAcknowledgementLandsOnItsTicketInsteadOfOpeningOne() throws Exception {
        Harness h = harness(TestDatabases.Kind.H2, Map.of());
        h.startDaemon();
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer", "Broken."));
        String ackId = awaitAcks(1).get(0).getMessageID();

        h.deliver("From: Mail Delivery System <MAILER-DAEMON@mx.example.test>\r\nTo: " + Harness.SUPPORT
                + "\r\nSubject: Undelivered Mail Returned to Sender\r\nMessage-ID: <dsn-1@mx.example.test>\r\n"
                + "Auto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n"
                + "--B\r\nContent-Type: text/plain\r\n\r\n<" + Harness.CUSTOMER + ">: 550 5.1.1 User unknown\r\n"
                + "--B\r\nContent-Type: message/delivery-status\r\n\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "--B\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: " + Harness.SUPPORT + "\r\nMessage-ID: "
                + ackId + "\r\nSubject: [Support #1] Printer\r\n\r\n--B--\r\n");

        Await.until("bounce stored", WAIT, () -> new MessageRepository(h.db.dsl()).count() == 3);
        assertThat(tickets(h)).hasSize(1);
        TicketRow ticket = tickets(h).get(0);
        assertThat(new MessageRepository(h.db.dsl()).byTicket(ticket.id()))
                .extracting(m -> m.direction().name() + ":" + m.kind())
                .containsExactly("IN:CUSTOMER", "OUT:ACK", "IN:AUTOMATED");
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(new OutboxRepository(h.db.dsl()).byTicket(ticket.id())).hasSize(1);
    }

    @Test
    void twoDaemonsOnOnePostgresShareTheMailboxAndTheSecondTakesOverWhenTheFirstStops() throws Exception {
        Harness h = harness(TestDatabases.Kind.POSTGRES, Map.of());
        ListAppender<ILoggingEvent> workerLog = new ListAppender<>();
        workerLog.start();
        Logger log = (Logger) LoggerFactory.getLogger(MailboxWorker.class);
        log.addAppender(workerLog);
        Daemon first = new Daemon(h.pipeline(null));
        first.start();
        Await.until("first daemon watching", WAIT, () -> "IDLE".equals(state(h)));
        Daemon second = new Daemon(h.pipeline(null));
        second.start();
        try {
            h.deliver(Harness.customerMail("<two-1@example.test>", "First", "Body"));
            awaitAcks(1);
            Await.until("second daemon standing by", WAIT, () -> workerLog.list.stream()
                    .anyMatch(e -> e.getFormattedMessage().contains("this one stands by")));
            assertThat(state(h)).as("the standing-by daemon does not overwrite the state").isEqualTo("IDLE");

            first.close();
            h.deliver(Harness.customerMail("<two-2@example.test>", "Second", "Body"));
            Await.until("taken over by the second daemon", WAIT, () -> tickets(h).size() == 2);
            awaitAcks(2);
            // GreenMail has the mail before the sender commits SENT: wait for the committed state, then check
            // nothing else was sent (each ack exactly once, although two daemons' senders ran).
            Await.until("both acks recorded as sent", WAIT,
                    () -> new OutboxRepository(h.db.dsl()).countByStatus(OutboxRepository.SENT) == 2);
            assertThat(awaitAcks(2)).hasSize(2);
            assertThat(workerLog.list).extracting(ILoggingEvent::getFormattedMessage)
                    .as("the second daemon stood by, then took over")
                    .containsSubsequence("mailbox support: another daemon watches it; this one stands by and takes over"
                            + " if it stops", "mailbox support: the daemon that watched it stopped; this one takes over");
        } finally {
            log.detachAppender(workerLog);
            first.close();
            second.close();
        }
    }

    private static String state(Harness h) {
        return new MailboxRepository(h.db.dsl()).state(h.mailbox.id()).state();
    }

    @Test
    void sameMessageDeliveredTwiceIsStoredOnce() throws Exception {
        Harness h = harness(TestDatabases.Kind.H2, Map.of());
        h.startDaemon();
        String raw = Harness.customerMail("<same@example.test>", "Twice", "Body");
        h.deliver(raw);
        h.deliver(raw);
        Await.until("both copies flagged", WAIT, () -> allSeen(h) && greenMailInbox(h).length == 2);
        assertThat(tickets(h)).hasSize(1);
        assertThat(new MessageRepository(h.db.dsl()).count()).isEqualTo(2); // the message and its ack
        awaitAcks(1);
    }

    @Test
    void messageDeliveredToTwoWatchedMailboxesIsStoredOnceAndAcknowledgedOnce() throws Exception {
        Harness h = harness(TestDatabases.Kind.H2, Map.of());
        h.addMailbox("sales", "sales@example.test");
        String raw = Harness.customerMail("<both@example.test>", "To both of you", "Body");
        h.deliver(raw);
        h.deliverTo("sales@example.test", raw);
        h.startDaemon();
        awaitAcks(1);
        Await.until("both mailboxes processed", WAIT, () -> {
            MailboxRepository repo = new MailboxRepository(h.db.dsl());
            return repo.list().stream().allMatch(m -> repo.state(m.id()).lastUid() == 1);
        });
        assertThat(tickets(h)).hasSize(1);
        assertThat(new MessageRepository(h.db.dsl()).count()).isEqualTo(2);
        assertThat(awaitAcks(1)).hasSize(1);
    }

    /**
     * Live mail (arriving while the worker watches) in a mailbox that moves what it stored: the message is gone
     * from the folder after the move, so nothing may read it afterwards. Against real Dovecot each such mail cost a
     * {@code MessageRemovedException}, a reconnect and a growing backoff.
     */
    @Test
    void liveMailInAMovingMailboxIsMovedWithoutAnErrorOrReconnect() throws Exception {
        // Polled, not IDLE, and each mail delivered once the one before has been moved: GreenMail does not announce
        // mail that arrived between the worker's last command and its IDLE (Dovecot does). A mail that arrives while
        // GreenMail expunges a MOVE is sometimes never announced to that connection at all (about one run in six);
        // the worker then finds it by UIDNEXT before its next wait and reconnects (MailboxWorker.unannouncedMail),
        // an INFO line, not a warning. The moved-message path (fetchNew after a move) is the same either way.
        Harness h = harness(TestDatabases.Kind.H2, Map.of("POSTDESK_INGEST_USE_IDLE", "false",
                "POSTDESK_INGEST_POLL_INTERVAL", "300ms"));
        Mailbox sales = h.addMailbox("sales", "sales@example.test", "Processed");
        ListAppender<ILoggingEvent> workerLog = new ListAppender<>();
        workerLog.start();
        Logger log = (Logger) LoggerFactory.getLogger(MailboxWorker.class);
        log.addAppender(workerLog);
        try {
            h.startDaemon();
            MailboxRepository mailboxes = new MailboxRepository(h.db.dsl());
            Await.until("sales watched", WAIT, () -> "POLLING".equals(mailboxes.state(sales.id()).state()));
            for (int i = 1; i <= 3; i++) {
                h.deliverTo("sales@example.test", Harness.customerMail("<moved-" + i + "@example.test>", "Moved " + i,
                        "Body"));
                int stored = i;
                Await.until("mail " + i + " stored", WAIT, () -> tickets(h).size() == stored);
                Await.until("mail " + i + " moved out of the INBOX", WAIT,
                        () -> folder(h, "sales@example.test", "INBOX").length == 0
                                && folder(h, "sales@example.test", "Processed").length == stored);
            }
            assertThat(folder(h, "sales@example.test", "Processed")).hasSize(3);
            assertThat(workerLog.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
                    .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
            assertThat(mailboxes.state(sales.id()).state()).isEqualTo("POLLING");
        } finally {
            log.detachAppender(workerLog);
        }
    }

    @Test
    void firstConnectionToAMailboxWithHistoryReadsOnlyItsUnseenMail() throws Exception {
        Harness h = harness(TestDatabases.Kind.H2, Map.of());
        h.deliver(Harness.customerMail("<old@example.test>", "Answered by hand last year", "Body"));
        h.deliver(Harness.customerMail("<new@example.test>", "Not read yet", "Body"));
        var inbox = h.greenMail.getManagers().getImapHostManager()
                .getInbox(h.greenMail.getUserManager().getUserByEmail(Harness.SUPPORT));
        inbox.getMessages().get(0).setFlag(Flags.Flag.SEEN, true);
        h.startDaemon();
        Await.until("unseen message stored", WAIT, () -> tickets(h).size() == 1);
        Await.until("flagged", WAIT, () -> allSeen(h));
        h.deliver(Harness.customerMail("<later@example.test>", "Arrived later", "Body"));
        Await.until("later message stored", WAIT, () -> tickets(h).size() == 2);
        assertThat(tickets(h)).extracting(TicketRow::subject).containsExactlyInAnyOrder("Not read yet", "Arrived later");
    }

    @Test
    void withoutIdleTheMailboxIsPolled() throws Exception {
        Harness h = harness(TestDatabases.Kind.H2, Map.of("POSTDESK_INGEST_USE_IDLE", "false",
                "POSTDESK_INGEST_POLL_INTERVAL", "300ms"));
        h.startDaemon();
        Await.until("mailbox polling", WAIT, () -> "POLLING".equals(new MailboxRepository(h.db.dsl())
                .state(h.mailbox.id()).state()));
        h.deliver(Harness.customerMail("<polled@example.test>", "Polled", "Body"));
        awaitAcks(1);
        assertThat(tickets(h)).hasSize(1);
    }

    @Test
    void mailboxAddedWhileTheDaemonRunsIsPickedUpWithoutRestart() throws Exception {
        Harness h = harness(TestDatabases.Kind.H2, Map.of());
        h.startDaemon();
        h.addMailbox("sales", "sales@example.test");
        h.deliverTo("sales@example.test", Harness.customerMail("<late@example.test>", "Late mailbox", "Body"));
        Await.until("ticket from the new mailbox", WAIT, () -> tickets(h).size() == 1);
        assertThat(tickets(h).get(0).subject()).isEqualTo("Late mailbox");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "From: Ann <ann@example.test>|Auto-Submitted: auto-replied",
        "From: MAILER-DAEMON@mx.example.test|Content-Type: text/plain",
        "From: Ann <ann@example.test>|List-Id: <users.lists.example.test>",
        "From: Ann <ann@example.test>|Precedence: bulk",
        "From: Support <support@example.test>|X-Whatever: 1",
        "From: Ann <ann@example.test>|X-Loop: postdesk"})
    void automatedMailIsStoredButNeverAcknowledged(String headers) throws Exception {
        Harness h = harness(TestDatabases.Kind.H2, Map.of());
        String[] parts = headers.split("\\|");
        String raw = parts[0] + "\r\nTo: support@example.test\r\nSubject: Out of office\r\nMessage-ID: <auto@x>\r\n"
                + parts[1] + "\r\n\r\nI am away.\r\n";
        h.deliver(raw);
        h.startDaemon();
        Await.until("automated mail stored", WAIT, () -> new MessageRepository(h.db.dsl()).count() == 1);
        Await.until("message flagged", WAIT, () -> allSeen(h));
        TicketRow ticket = tickets(h).get(0);
        assertThat(new OutboxRepository(h.db.dsl()).byTicket(ticket.id())).isEmpty();
        assertThat(new EventRepository(h.db.dsl()).byTicket(ticket.id()))
                .anyMatch(e -> e.type().equals("acknowledgement") && e.detail().startsWith("none: automated"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void crashBetweenCommitAndFlagLosesNothingAndDoublesNothing(TestDatabases.Kind kind) throws Exception {
        Harness h = harness(kind, Map.of());
        h.deliver(Harness.customerMail("<crash@example.test>", "Crash", "Body"));
        Pipeline pipeline = h.pipeline(null);
        AtomicInteger disposals = new AtomicInteger();
        Disposition crashing = (folder, message) -> {
            disposals.incrementAndGet();
            throw new IllegalStateException("simulated crash after commit, before flagging");
        };
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        MailboxWorker worker = new MailboxWorker(h.mailbox, pipeline.folderOpener(), pipeline.ingest(), h.db,
                pipeline.workerSettings(), crashing, timer, Clock.systemUTC());
        Thread t = new Thread(worker, "imap-crashing");
        t.start();
        Await.until("stored before the crash", WAIT, () -> disposals.get() >= 1);
        worker.stop();
        t.join(10_000);
        timer.shutdownNow();
        assertThat(allSeen(h)).isFalse();
        assertThat(tickets(h)).hasSize(1);

        h.startDaemon();
        Await.until("flagged after restart", WAIT, () -> allSeen(h));
        awaitAcks(1);
        assertThat(tickets(h)).hasSize(1);
        assertThat(new OutboxRepository(h.db.dsl()).byTicket(tickets(h).get(0).id())).hasSize(1);
    }

    @Test
    void smtpDownWhileAckIsDueThenUpDeliversExactlyOnce() throws Exception {
        Harness h = harness(TestDatabases.Kind.H2, Map.of("POSTDESK_OUTBOX_INITIAL_BACKOFF", "100ms"));
        AtomicInteger attempts = new AtomicInteger();
        Pipeline pipeline = h.pipeline((mailboxId, from, to, raw) -> {
            if (attempts.incrementAndGet() <= 3) {
                throw new DeliveryException("connect to 127.0.0.1:25 refused", false, -1, null);
            }
            SmtpConnector.forMailbox(h.mailbox, h.secrets).send(raw, from, to);
        });
        h.deliver(Harness.customerMail("<down@example.test>", "SMTP down", "Body"));
        pipeline.ingestAllNow(h.mailbox);
        OutboxSender sender = pipeline.newSender();
        Thread t = new Thread(sender, "outbox-sender-test");
        t.start();
        List<MimeMessage> acks = awaitAcks(1);
        sender.stop();
        t.join(5_000);
        assertThat(attempts.get()).isEqualTo(4);
        assertThat(acks).hasSize(1);
        assertThat(new OutboxRepository(h.db.dsl()).countByStatus(OutboxRepository.SENT)).isEqualTo(1);
    }

    @Test
    void permanentRefusalIsRecordedOnTheTicketAndTheTeamIsTold() throws Exception {
        Harness h = harness(TestDatabases.Kind.H2, Map.of());
        h.addAgent("Bob", "bob@agents.test");
        List<String> delivered = new CopyOnWriteArrayList<>();
        Pipeline pipeline = h.pipeline((mailboxId, from, to, raw) -> {
            if (to.contains(Harness.CUSTOMER)) {
                throw new DeliveryException("550 5.1.1 no such user", true, 550, null);
            }
            delivered.add(to.get(0) + " " + new String(raw, StandardCharsets.UTF_8));
        });
        h.deliver(Harness.customerMail("<refused@example.test>", "Refused", "Body"));
        pipeline.ingestAllNow(h.mailbox);
        OutboxSender sender = pipeline.newSender();
        while (sender.sendNext()) {
            // drain
        }
        TicketRow ticket = tickets(h).get(0);
        assertThat(new OutboxRepository(h.db.dsl()).countByStatus(OutboxRepository.FAILED)).isEqualTo(1);
        assertThat(new EventRepository(h.db.dsl()).byTicket(ticket.id()))
                .anyMatch(e -> e.type().equals("delivery-failed") && e.detail().contains("550 5.1.1"));
        assertThat(new OutboxRepository(h.db.dsl()).byTicket(ticket.id())).extracting(OutboxItem::kind)
                .containsExactly("ACK", "NOTIFY", "DELIVERY_FAILED");
        assertThat(delivered).hasSize(2).last().asString().startsWith("bob@agents.test ")
                .contains("Not delivered: [Support #" + ticket.number() + "]", "550 5.1.1 no such user",
                        Harness.CUSTOMER);
    }

    @Test
    void uidValidityChangeRereadsTheFolderWithoutDuplicates() throws Exception {
        Harness h = harness(TestDatabases.Kind.H2, Map.of());
        h.deliver(Harness.customerMail("<v1@example.test>", "One", "Body"));
        h.deliver(Harness.customerMail("<v2@example.test>", "Two", "Body"));
        h.startDaemon();
        Await.until("two tickets", WAIT, () -> tickets(h).size() == 2);
        Await.until("flagged", WAIT, () -> allSeen(h));
        h.stopDaemon();
        MailboxRepository mailboxes = new MailboxRepository(h.db.dsl());
        long validity = mailboxes.state(h.mailbox.id()).uidValidity();
        mailboxes.saveCursor(h.mailbox.id(), validity - 1, 2);

        h.deliver(Harness.customerMail("<v3@example.test>", "Three", "Body"));
        h.startDaemon();
        Await.until("third ticket", WAIT, () -> tickets(h).size() == 3);
        Await.until("cursor re-synced", WAIT, () -> mailboxes.state(h.mailbox.id()).uidValidity() == validity
                && mailboxes.state(h.mailbox.id()).lastUid() == 3);
        assertThat(tickets(h)).hasSize(3);
        assertThat(new MessageRepository(h.db.dsl()).count()).isEqualTo(6);
    }

    @Test
    void hourlyCapStopsAutorepliesToOneSender() throws Exception {
        Harness h = harness(TestDatabases.Kind.H2, Map.of("POSTDESK_AUTOREPLY_PER_SENDER_PER_HOUR", "2"));
        for (int i = 1; i <= 3; i++) {
            h.deliver(Harness.customerMail("<cap" + i + "@example.test>", "Question " + i, "Body"));
        }
        h.pipeline(null).ingestAllNow(h.mailbox);
        assertThat(tickets(h)).hasSize(3);
        assertThat(new OutboxRepository(h.db.dsl()).countByStatus(OutboxRepository.PENDING)).isEqualTo(2);
    }

    private static List<TicketRow> tickets(Harness h) {
        return new TicketRepository(h.db.dsl()).list(null, 100);
    }

    private static List<MimeMessage> awaitAcks(int n) {
        return Await.value(n + " acknowledgement(s) at the customer", WAIT, () -> Arrays.stream(
                greenMail.getReceivedMessages()).filter(PipelineTest::isToCustomer).toList(), l -> l.size() >= n);
    }

    private static boolean isToCustomer(MimeMessage m) {
        try {
            return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(Harness.CUSTOMER));
        } catch (Exception e) {
            return false;
        }
    }

    private static Message[] greenMailInbox(Harness h) {
        try {
            return h.greenMail.getUserManager().getUserByEmail(Harness.SUPPORT).getEmail() == null ? new Message[0]
                    : h.greenMail.getManagers().getImapHostManager()
                    .getInbox(h.greenMail.getUserManager().getUserByEmail(Harness.SUPPORT)).getMessages().stream()
                    .map(sm -> (Message) sm.getMimeMessage()).toArray(Message[]::new);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Message[] folder(Harness h, String user, String name) {
        try {
            var owner = h.greenMail.getUserManager().getUserByEmail(user);
            var manager = h.greenMail.getManagers().getImapHostManager();
            var folder = name.equals("INBOX") ? manager.getInbox(owner) : manager.getFolder(owner, name);
            return folder == null ? new Message[0]
                    : folder.getMessages().stream().map(sm -> (Message) sm.getMimeMessage()).toArray(Message[]::new);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean allSeen(Harness h) {
        try {
            var inbox = h.greenMail.getManagers().getImapHostManager()
                    .getInbox(h.greenMail.getUserManager().getUserByEmail(Harness.SUPPORT));
            return inbox.getMessages().stream().allMatch(m -> m.getFlags().contains(Flags.Flag.SEEN));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Issue 15: a Lotus Notes mail with a file uuencoded into its text, from raw RFC 5322 text through the daemon. */
    @Test
    void aFileUuencodedIntoTheTextIsStoredDecodedAndTheTextWithoutIt() throws Exception {
        harness = harness(TestDatabases.Kind.H2, Map.of());
        String raw;
        try (InputStream in = PipelineTest.class.getResourceAsStream("/mail/intake/uuencoded-in-text.eml")) {
            raw = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        harness.deliverTo(Harness.SUPPORT, raw.replace("support@postdesk.test", Harness.SUPPORT));
        harness.startDaemon();

        MessageRow stored = Await.value("the stored message", Duration.ofSeconds(120), () ->
                new TicketRepository(harness.db.dsl()).list(null, 10).stream()
                        .flatMap(t -> new MessageRepository(harness.db.dsl()).byTicket(t.id()).stream())
                        .findFirst().orElse(null), m -> m != null);
        assertThat(stored.bodyText()).startsWith("Here is the log of last night's run.").doesNotContain("begin 644");
        List<AttachmentRow> files = new MessageRepository(harness.db.dsl()).attachmentsOfTicket(stored.ticketId());
        assertThat(files).extracting(AttachmentRow::filename).containsExactly("night.log");
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        new AttachmentContents(harness.db).copy(files.get(0).id(), content);
        assertThat(content.toString(StandardCharsets.US_ASCII)).isEqualTo("Disk quota exceeded on /srv/share at 02:14\n");
        Await.until("the acknowledgement to ole@example.no", Duration.ofSeconds(60),
                () -> !harness.mailTo("ole@example.no", "[Support").isEmpty());
    }
}
