package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.app.IngestResult;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.EventRepository;
import org.postdesk.store.HeldReply;
import org.postdesk.store.HeldReplyRepository;
import org.postdesk.store.MessageRepository;
import org.postdesk.store.NewAgent;
import org.postdesk.store.OutboxItem;
import org.postdesk.store.OutboxRepository;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.tickets.TicketStatus;

/** Agents working tickets by mail, end to end: GreenMail, the daemon, and the store. */
class AgentPipelineTest {
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

    private Harness start(TestDatabases.Kind kind, Map<String, String> env, String... agentNames) {
        harness = new Harness(greenMail, kind, tempDir, env);
        for (String name : agentNames) {
            agent(name, harness.mailbox.id());
        }
        harness.startDaemon();
        return harness;
    }

    private Agent agent(String name, long... mailboxes) {
        return new AgentRepository(harness.db.dsl()).add(new NewAgent(name, List.of(address(name)),
                Arrays.stream(mailboxes).boxed().toList()));
    }

    private static String address(String agentName) {
        return agentName.toLowerCase() + "@agents.test";
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void fiveAgentsReplyingAtOnceGiveTheCustomerExactlyOneAnswer(TestDatabases.Kind kind) throws Exception {
        List<String> names = List.of("Ava", "Ben", "Cid", "Dee", "Eli");
        Harness h = start(kind, Map.of(), names.toArray(String[]::new));
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer on fire", "Help, it burns."));
        List<byte[]> replies = new ArrayList<>();
        for (String name : names) {
            MimeMessage n = awaitMail(address(name), 1, "New ticket").get(0);
            replies.add(reply(name, "<r-" + name + "@agents.test>", n, "Answer from " + name).getBytes(StandardCharsets.UTF_8));
        }

        List<IngestResult> results = ingestAtOnce(h, replies);

        assertThat(results).allMatch(r -> r.outcome() == IngestResult.Outcome.AGENT_REPLY);
        List<MimeMessage> answers = awaitMail(Harness.CUSTOMER, 1, "Re: ");
        TicketRow ticket = onlyTicket(h);
        List<HeldReply> held = new HeldReplyRepository(h.db.dsl()).byTicket(ticket.id());
        assertThat(held).hasSize(4).allMatch(r -> r.reason().equals(HeldReply.OWNER));
        Agent owner = new AgentRepository(h.db.dsl()).byId(ticket.ownerAgentId()).orElseThrow();
        assertThat(held).noneMatch(r -> r.agentId() == owner.id());
        for (String name : names) {
            int expected = address(name).equals(owner.primaryAddress()) ? 0 : 1;
            Await.until(name + " told the reply is held", WAIT, () -> mailTo(address(name), "Not sent:").size() == expected);
        }
        awaitOutboxDrained(h);
        assertThat(mailTo(Harness.CUSTOMER, "Re: ")).hasSize(1);
        MimeMessage answer = answers.get(0);
        assertThat(answer.getFrom()[0].toString()).isEqualTo(owner.name() + " <" + Harness.SUPPORT + ">");
        assertThat((String) answer.getContent()).contains("Answer from " + owner.name()).doesNotContain("reply above");
        assertThat(answer.getHeader("Auto-Submitted")).isNull();
        assertThat(answer.getHeader("In-Reply-To")[0]).isEqualTo("<q1@example.test>");
        assertThat(answer.getSubject()).contains("[Support #" + ticket.number() + "]");
    }

    private static List<IngestResult> ingestAtOnce(Harness h, List<byte[]> raws) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(raws.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<IngestResult>> futures = new ArrayList<>();
        var ingest = daemonPipeline(h).ingest();
        for (byte[] raw : raws) {
            futures.add(pool.submit(() -> {
                go.await();
                return ingest.ingest(h.mailbox, null, raw, null);
            }));
        }
        go.countDown();
        List<IngestResult> results = new ArrayList<>();
        for (Future<IngestResult> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return results;
    }

    /** A second pipeline on the same store; its outbox rows are sent by the running daemon's sender. */
    private static Pipeline daemonPipeline(Harness h) {
        return h.pipeline(null);
    }

    @Test
    void newTicketsNotifyTheMailboxsActiveAgentsAndFollowUpsOnlyTheOwner() throws Exception {
        Harness h = start(TestDatabases.Kind.H2, Map.of(), "Bob", "Eve");
        long sales = h.addMailbox("sales", "sales@example.test").id();
        agent("Carol", sales);
        Agent dave = agent("Dave", h.mailbox.id());
        new AgentRepository(h.db.dsl()).setActive(dave.id(), false);
        h.deliver(withAttachment("<q1@example.test>", "Printer on fire", "Help, it burns."));

        MimeMessage n = awaitMail(address("Bob"), 1, "New ticket").get(0);
        awaitMail(address("Eve"), 1, "New ticket");
        TicketRow ticket = onlyTicket(h);
        assertThat(n.getFrom()[0].toString()).contains(Harness.SUPPORT);
        assertThat(n.getSubject()).isEqualTo("New ticket [Support #" + ticket.number() + "] Printer on fire");
        assertThat(n.getMessageID()).startsWith("<pd1.");
        assertThat(n.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
        String body = text(n);
        assertThat(body).startsWith("-- reply above this line --").contains("Help, it burns.", "Status:   NEW",
                "Owner:    nobody", "#take", "Ref: pd1.", "log.txt");
        assertThat(attachmentNames(n)).containsExactly("log.txt");

        deliverReply(h, "Bob", "<r1@agents.test>", n, "Put it out with a blanket.");
        MimeMessage answer = awaitMail(Harness.CUSTOMER, 1, "Re: ").get(0);
        h.deliver(Harness.customerMail("<q2@example.test>", "Re: fire", "Thanks, what next?",
                "In-Reply-To: " + answer.getMessageID()));
        awaitMail(address("Bob"), 1, "Follow-up");
        awaitOutboxDrained(h);
        assertThat(mailTo(address("Eve"), "")).hasSize(1);
        assertThat(mailTo(address("Carol"), "")).isEmpty();
        assertThat(mailTo(address("Dave"), "")).isEmpty();
        assertThat(mailTo(Harness.CUSTOMER, "")).hasSize(2); // the acknowledgement and Bob's answer
        assertThat(new EventRepository(h.db.dsl()).byTicket(ticket.id())).extracting(EventRepository.TicketEvent::type)
                .contains("created", "notified", "take", "reply-out", "message-in");
    }

    @Test
    void forgedSendersAndForgedTokensNeverRunCommandsOrSpeakForAnAgent() throws Exception {
        Harness h = start(TestDatabases.Kind.H2, Map.of(), "Bob", "Eve");
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer", "Broken."));
        MimeMessage toBob = awaitMail(address("Bob"), 1, "New ticket").get(0);
        TicketRow ticket = onlyTicket(h);
        String tag = "[Support #" + ticket.number() + "]";
        String token = toBob.getMessageID().substring(1, toBob.getMessageID().indexOf('@'));
        String forgedMac = token.substring(0, token.length() - 1) + (token.endsWith("a") ? "b" : "a");

        // Bob's address, no token at all.
        h.deliver(raw("Bob <" + address("Bob") + ">", "<f1@x>", "Re: " + tag + " Printer", null, "#close\nClosed by forgery."));
        // A stranger replaying Bob's notification.
        h.deliver(raw("Mallory <mallory@evil.test>", "<f2@x>", "Re: " + tag, toBob.getMessageID(), "#close\nForged."));
        // Eve, with Bob's genuine token.
        h.deliver(raw("Eve <" + address("Eve") + ">", "<f3@x>", "Re: " + tag, toBob.getMessageID(), "#close\nNot mine."));
        // Bob, with a token whose MAC is wrong, also in the body.
        String wrong = "<" + forgedMac + "@example.test>";
        h.deliver(raw("Bob <" + address("Bob") + ">", "<f4@x>", "Re: " + tag, wrong, "#close\nWrong MAC.\n\nRef: " + forgedMac));

        Await.until("all four stored", WAIT, () -> new MessageRepository(h.db.dsl()).count() >= 8);
        awaitOutboxDrained(h);
        TicketRow after = new TicketRepository(h.db.dsl()).byId(ticket.id()).orElseThrow();
        assertThat(after.status()).isNotEqualTo(TicketStatus.CLOSED);
        assertThat(after.ownerAgentId()).isNull();
        assertThat(new TicketRepository(h.db.dsl()).list(null, 10)).allMatch(t -> t.status() != TicketStatus.CLOSED);
        assertThat(allOutbox(h)).noneMatch(o -> o.kind().equals("REPLY"));
        assertThat(mailTo(Harness.CUSTOMER, "Re: ")).isEmpty();
        assertThat(new HeldReplyRepository(h.db.dsl()).byTicket(ticket.id())).isEmpty();
        assertThat(new EventRepository(h.db.dsl()).byTicket(ticket.id())).extracting(EventRepository.TicketEvent::type)
                .doesNotContain("take", "status", "reply-out", "command-error");
    }

    @Test
    void staleReplyIsHeldAndSendReleasesItExactlyOnce() throws Exception {
        Harness h = start(TestDatabases.Kind.H2, Map.of(), "Bob");
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer", "Broken."));
        MimeMessage first = awaitMail(address("Bob"), 1, "New ticket").get(0);
        String ackId = awaitMail(Harness.CUSTOMER, 1, "").get(0).getMessageID();
        h.deliver(Harness.customerMail("<q2@example.test>", "Re: Printer", "Oh, and it smokes now.",
                "In-Reply-To: " + ackId));
        awaitMail(address("Bob"), 1, "Follow-up");

        deliverReply(h, "Bob", "<r1@agents.test>", first, "Just restart it.");
        MimeMessage stale = awaitMail(address("Bob"), 1, "Not sent yet:").get(0);
        assertThat(text(stale)).contains("Oh, and it smokes now.", "Just restart it.", "#send");
        TicketRow ticket = onlyTicket(h);
        assertThat(new HeldReplyRepository(h.db.dsl()).byTicket(ticket.id())).singleElement()
                .matches(r -> r.reason().equals(HeldReply.STALE) && r.status().equals(HeldReply.HELD));

        deliverReply(h, "Bob", "<r2@agents.test>", stale, "#send");
        MimeMessage sent = awaitMail(Harness.CUSTOMER, 1, "Re: ").get(0);
        assertThat(text(sent)).contains("Just restart it.");
        deliverReply(h, "Bob", "<r3@agents.test>", stale, "#send");
        awaitMail(address("Bob"), 1, "Nothing sent:");
        awaitOutboxDrained(h);
        assertThat(mailTo(Harness.CUSTOMER, "Re: ")).hasSize(1);
        assertThat(new HeldReplyRepository(h.db.dsl()).byTicket(ticket.id())).singleElement()
                .matches(r -> r.status().equals(HeldReply.SENT));
    }

    @Test
    void aReplyWithOnlyCommandsChangesTheTicketAndSendsTheCustomerNothing() throws Exception {
        Harness h = start(TestDatabases.Kind.H2, Map.of(), "Bob");
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer", "Broken."));
        MimeMessage n = awaitMail(address("Bob"), 1, "New ticket").get(0);
        deliverReply(h, "Bob", "<r1@agents.test>", n, "#TAKE\n#priority High\n#category Hardware faults\n#pending");
        TicketRow ticket = Await.value("commands applied", WAIT, () -> onlyTicket(h),
                t -> t.status() == TicketStatus.PENDING);
        awaitOutboxDrained(h);
        assertThat(ticket.ownerAgentId()).isNotNull();
        assertThat(ticket.priority()).isEqualTo("HIGH");
        assertThat(ticket.category()).isEqualTo("Hardware faults");
        assertThat(mailTo(Harness.CUSTOMER, "Re: ")).isEmpty();
        assertThat(new EventRepository(h.db.dsl()).byTicket(ticket.id())).extracting(EventRepository.TicketEvent::type)
                .contains("take", "priority", "category", "status");
    }

    @Test
    void anUnknownCommandChangesNothingAndTellsTheAgentWhatIsValid() throws Exception {
        Harness h = start(TestDatabases.Kind.H2, Map.of(), "Bob");
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer", "Broken."));
        MimeMessage n = awaitMail(address("Bob"), 1, "New ticket").get(0);
        deliverReply(h, "Bob", "<r1@agents.test>", n, "#take\n#frobnicate now\nHello Ann, fixed.");
        MimeMessage error = awaitMail(address("Bob"), 1, "Not understood:").get(0);
        assertThat(text(error)).contains("line 2: \"#frobnicate now\": unknown command #frobnicate",
                "#take", "#priority low|normal|high|urgent", "#cc add|remove EMAIL");
        assertThat(error.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
        awaitOutboxDrained(h);
        TicketRow ticket = onlyTicket(h);
        assertThat(ticket.ownerAgentId()).isNull();
        assertThat(mailTo(Harness.CUSTOMER, "Re: ")).isEmpty();
    }

    @Test
    void aCannedAnswerReachesTheCustomerRenderedForTheTicket() throws Exception {
        Harness h = start(TestDatabases.Kind.H2, Map.of(), "Bob");
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer", "Broken."));
        MimeMessage n = awaitMail(address("Bob"), 1, "New ticket").get(0);
        deliverReply(h, "Bob", "<r1@agents.test>", n, "#take\nHello Ann,\n\n#Answer Need-Details\n\nRegards, Bob");

        MimeMessage sent = awaitMail(Harness.CUSTOMER, 1, "Re: ").get(0);
        TicketRow ticket = onlyTicket(h);
        String tag = "[Support #" + ticket.number() + "]";
        assertThat(text(sent).replace("\r\n", "\n")).startsWith("Hello Ann,\n\nTo look into this we need a little more from you:")
                .contains("keep \"" + tag + "\" in the subject", "Regards, Bob").doesNotContain("#answer", "#Answer", "${");
        awaitOutboxDrained(h);
        assertThat(ticket.ownerAgentId()).isNotNull();
        assertThat(mailTo(address("Bob"), "Not understood:")).isEmpty();
        assertThat(mailTo(Harness.CUSTOMER, "Re: ")).hasSize(1);
    }

    @Test
    void anUnknownCannedAnswerReachesNobodyButTheAgentsErrorMail() throws Exception {
        Harness h = start(TestDatabases.Kind.H2, Map.of(), "Bob");
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer", "Broken."));
        MimeMessage n = awaitMail(address("Bob"), 1, "New ticket").get(0);
        awaitMail(Harness.CUSTOMER, 1, ""); // the acknowledgement
        deliverReply(h, "Bob", "<r1@agents.test>", n, "#close\nHello Ann,\n\n#answer no-such-answer\n\nBob");

        MimeMessage error = awaitMail(address("Bob"), 1, "Not understood:").get(0);
        assertThat(text(error)).contains("line 4: \"#answer no-such-answer\": there is no canned answer"
                + " 'no-such-answer'; available: need-details, password-reset, thanks-closing", "#answer NAME");
        awaitOutboxDrained(h);
        TicketRow ticket = onlyTicket(h);
        assertThat(ticket.status()).isNotEqualTo(TicketStatus.CLOSED);
        assertThat(ticket.ownerAgentId()).isNull();
        assertThat(mailTo(Harness.CUSTOMER, "")).hasSize(1);
        assertThat(allOutbox(h)).noneMatch(o -> o.kind().equals("REPLY"));
        assertThat(mailTo(address("Bob"), "")).hasSize(2); // the notification and the error
    }

    @Test
    void answersMailsTheAgentTheListAndSendsTheCustomerNothing() throws Exception {
        Harness h = start(TestDatabases.Kind.H2, Map.of(), "Bob");
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer", "Broken."));
        MimeMessage n = awaitMail(address("Bob"), 1, "New ticket").get(0);
        awaitMail(Harness.CUSTOMER, 1, "");
        deliverReply(h, "Bob", "<r1@agents.test>", n, "#answers");

        MimeMessage list = awaitMail(address("Bob"), 1, "Canned answers:").get(0);
        assertThat(text(list)).startsWith("-- reply above this line --")
                .contains("#answer need-details", "#answer password-reset", "#answer thanks-closing", "Ref: pd1.");
        awaitOutboxDrained(h);
        assertThat(mailTo(Harness.CUSTOMER, "")).hasSize(1);
        assertThat(onlyTicket(h).ownerAgentId()).isNull();
    }

    @Test
    void anAgentWritingFreshOpensATicketWithoutAnAcknowledgement() throws Exception {
        Harness h = start(TestDatabases.Kind.H2, Map.of(), "Bob");
        h.deliver(raw("Bob <" + address("Bob") + ">", "<fresh@agents.test>", "My own laptop is broken", null,
                "#close\nPlease look at it."));
        awaitMail(address("Bob"), 1, "New ticket");
        awaitOutboxDrained(h);
        TicketRow ticket = onlyTicket(h);
        assertThat(ticket.requester()).isEqualTo(address("Bob"));
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(allOutbox(h)).extracting(OutboxItem::kind).containsExactly("NOTIFY");
    }

    @Test
    void anIdleOwnerIsReleasedAndTheTeamIsTold() throws Exception {
        Harness h = start(TestDatabases.Kind.H2, Map.of("POSTDESK_AGENTS_IDLE_RELEASE", "2s"), "Bob", "Eve");
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer", "Broken."));
        MimeMessage n = awaitMail(address("Bob"), 1, "New ticket").get(0);
        deliverReply(h, "Bob", "<r1@agents.test>", n, "#take");
        Await.until("taken", WAIT, () -> onlyTicket(h).ownerAgentId() != null);
        awaitMail(address("Eve"), 1, "Free again:");
        awaitMail(address("Bob"), 1, "Free again:");
        assertThat(onlyTicket(h).ownerAgentId()).isNull();
        assertThat(new EventRepository(h.db.dsl()).byTicket(onlyTicket(h).id()))
                .anyMatch(e -> e.type().equals("release") && e.detail().startsWith("idle release"));
    }

    @Test
    void anAssignedAgentGetsTheTicketReadyToAnswerAndTheRobbedOwnerIsTold() throws Exception {
        Harness h = start(TestDatabases.Kind.H2, Map.of(), "Bob", "Eve", "Ted");
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer", "Broken since Monday."));
        MimeMessage toBob = awaitMail(address("Bob"), 1, "New ticket").get(0);
        deliverReply(h, "Bob", "<r1@agents.test>", toBob, "#take");
        Await.until("Bob holds it", WAIT, () -> onlyTicket(h).ownerAgentId() != null);

        // Eve steals it from Bob: Bob learns that his replies are held from now on.
        MimeMessage toEve = awaitMail(address("Eve"), 1, "New ticket").get(0);
        deliverReply(h, "Eve", "<r2@agents.test>", toEve, "#steal\n#assign " + address("Ted"));
        MimeMessage robbed = awaitMail(address("Bob"), 1, "No longer yours:").get(0);
        assertThat(text(robbed)).contains("Eve <" + address("Eve") + "> took", "held");

        // Ted, assigned by Eve, gets the customer's message and answers from that very mail.
        MimeMessage assigned = awaitMail(address("Ted"), 1, "Yours now:").get(0);
        assertThat(text(assigned)).contains("Eve <" + address("Eve") + "> assigned", "Broken since Monday.", "Ref: pd1.");
        assertThat(mailTo(address("Eve"), "No longer yours:")).as("nobody is told of their own doing").isEmpty();
        deliverReply(h, "Ted", "<r3@agents.test>", assigned, "Ted here: we will replace it.");
        MimeMessage answer = awaitMail(Harness.CUSTOMER, 1, "Re: ").get(0);
        assertThat((String) answer.getContent()).contains("Ted here: we will replace it.");
        Agent ted = new AgentRepository(h.db.dsl()).byAddress(address("Ted")).orElseThrow();
        assertThat(onlyTicket(h).ownerAgentId()).isEqualTo(ted.id());
    }

    @Test
    void anAgentLettingATicketGoTellsTheOthersItIsFree() throws Exception {
        Harness h = start(TestDatabases.Kind.H2, Map.of(), "Bob", "Eve");
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer", "Broken."));
        MimeMessage n = awaitMail(address("Bob"), 1, "New ticket").get(0);
        deliverReply(h, "Bob", "<r1@agents.test>", n, "#take");
        Await.until("Bob holds it", WAIT, () -> onlyTicket(h).ownerAgentId() != null);
        deliverReply(h, "Bob", "<r2@agents.test>", n, "#release");

        MimeMessage free = awaitMail(address("Eve"), 1, "Free again:").get(0);
        assertThat(text(free)).contains("Bob <" + address("Bob") + "> released", "Broken.", "Ref: pd1.");
        awaitOutboxDrained(h);
        assertThat(onlyTicket(h).ownerAgentId()).isNull();
        assertThat(mailTo(address("Bob"), "Free again:")).as("not told of his own doing").isEmpty();
    }

    @Test
    void aBouncedAnswerTellsItsOwnerAndADelayReportDoesNot() throws Exception {
        Harness h = start(TestDatabases.Kind.H2, Map.of(), "Bob", "Eve");
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer", "Broken."));
        MimeMessage n = awaitMail(address("Bob"), 1, "New ticket").get(0);
        deliverReply(h, "Bob", "<r1@agents.test>", n, "We will send a technician.");
        MimeMessage answer = awaitMail(Harness.CUSTOMER, 1, "Re: ").get(0);
        TicketRow ticket = onlyTicket(h);

        h.deliver(dsn("<dsn-delay@mx.test>", "delayed", "4.4.1", answer.getMessageID()));
        h.deliver(dsn("<dsn-fail@mx.test>", "failed", "5.1.1", answer.getMessageID()));

        MimeMessage told = awaitMail(address("Bob"), 1, "Not delivered:").get(0);
        assertThat(text(told)).contains("The answer on [Support #" + ticket.number() + "]", Harness.CUSTOMER,
                "550 5.1.1 <" + Harness.CUSTOMER + ">: Recipient address rejected");
        awaitOutboxDrained(h);
        assertThat(mailTo(address("Bob"), "Not delivered:")).as("one notice: the delay report tells nobody").hasSize(1);
        assertThat(mailTo(address("Eve"), "Not delivered:")).as("Bob owns the ticket").isEmpty();
        assertThat(new TicketRepository(h.db.dsl()).list(null, 10)).hasSize(1);
        assertThat(new EventRepository(h.db.dsl()).byTicket(ticket.id()))
                .filteredOn(e -> e.type().equals("delivery-failed")).hasSize(1);
    }

    /** A Postfix delivery status notification about {@code returnedId}. */
    private static String dsn(String messageId, String action, String status, String returnedId) {
        return "From: Mail Delivery System <MAILER-DAEMON@mx.test>\r\nTo: " + Harness.SUPPORT
                + "\r\nSubject: Undelivered Mail Returned to Sender\r\nMessage-ID: " + messageId
                + "\r\nAuto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\r\n\r\n"
                + "--B\r\nContent-Type: text/plain\r\n\r\nThis is the mail system at host mx.test.\r\n"
                + "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.test\r\n\r\n"
                + "Final-Recipient: rfc822; " + Harness.CUSTOMER + "\r\nAction: " + action + "\r\nStatus: " + status
                + "\r\nDiagnostic-Code: smtp; 550 5.1.1 <" + Harness.CUSTOMER + ">: Recipient address\r\n"
                + "    rejected: User unknown\r\n"
                + "--B\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: Bob <" + Harness.SUPPORT + ">\r\n"
                + "Message-ID: " + returnedId + "\r\nSubject: Re: Printer\r\n\r\n--B--\r\n";
    }

    @Test
    void aReplyWithNothingForTheCustomerTellsTheAgentInsteadOfVanishing() throws Exception {
        Harness h = start(TestDatabases.Kind.H2, Map.of(), "Bob");
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer", "Broken."));
        MimeMessage n = awaitMail(address("Bob"), 1, "New ticket").get(0);
        // Bob sent the quote back without writing anything.
        h.deliver(raw("Bob <" + address("Bob") + ">", "<r1@agents.test>", "Re: " + n.getSubject(), n.getMessageID(),
                quoted(n)));
        MimeMessage told = awaitMail(address("Bob"), 1, "Nothing sent:").get(0);
        assertThat(text(told)).contains("no text for the customer", "above the marker line");
        awaitOutboxDrained(h);
        assertThat(mailTo(Harness.CUSTOMER, "Re: ")).isEmpty();
        assertThat(new EventRepository(h.db.dsl()).byTicket(onlyTicket(h).id()))
                .anyMatch(e -> e.type().equals("empty-reply"));
    }

    @Test
    void anInlineAnswerReachesTheCustomerWithTheLinesItAnswersAndNoneOfOurs() throws Exception {
        Harness h = start(TestDatabases.Kind.H2, Map.of(), "Bob");
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer",
                "The printer is broken.\nIs it the toner?\nAnd who pays for it?"));
        MimeMessage n = awaitMail(address("Bob"), 1, "New ticket").get(0);
        String inline = ("Hi Anna,\n\nOn Mon, 23 Nov 2026 at 10:00, Support <" + Harness.SUPPORT + "> wrote:\n"
                + quoted(n)).replace("> Is it the toner?", "> Is it the toner?\nYes, we replace it today.")
                .replace("> And who pays for it?", "> And who pays for it?\nThe contract covers it.\n");
        h.deliver(raw("Bob <" + address("Bob") + ">", "<r1@agents.test>", "Re: " + n.getSubject(), n.getMessageID(),
                inline));

        String answer = text(awaitMail(Harness.CUSTOMER, 1, "Re: ").get(0));
        assertThat(answer.replace("\r\n", "\n")).startsWith("Hi Anna,\n\n> The printer is broken.\n"
                + "> Is it the toner?\nYes, we replace it today.\n> And who pays for it?\nThe contract covers it.\n\n--");
        assertThat(answer).doesNotContain("reply above this line", "Ref:", "wrote:", "Status:", "Owner:", "#take");
    }

    @Test
    void aBottomPostedReplyEndingInACommandRunsItAndSendsTheTextWithoutIt() throws Exception {
        Harness h = start(TestDatabases.Kind.H2, Map.of(), "Bob");
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer", "The printer is broken."));
        MimeMessage n = awaitMail(address("Bob"), 1, "New ticket").get(0);
        // As neomutt writes it: the quote first, then the answer, the command last, then the signature.
        String bottomPosted = "On Mon, 23 Nov 2026 at 10:00, Support <" + Harness.SUPPORT + "> wrote:\n" + quoted(n)
                + "\nThe toner was empty; we replaced it.\n\n#close\n\n-- \nBob\n";
        h.deliver(raw("Bob <" + address("Bob") + ">", "<r1@agents.test>", "Re: " + n.getSubject(), n.getMessageID(),
                bottomPosted));

        TicketRow ticket = Await.value("closed by the bottom command", WAIT, () -> onlyTicket(h),
                t -> t.status() == TicketStatus.CLOSED);
        String answer = text(awaitMail(Harness.CUSTOMER, 1, "Re: ").get(0));
        assertThat(answer).contains("The toner was empty; we replaced it.").doesNotContain("#close");
        awaitOutboxDrained(h);
        assertThat(mailTo(address("Bob"), "Not understood:")).isEmpty();
        assertThat(ticket.ownerAgentId()).isNull();
    }

    /**
     * s-nail's default reply: "Name wrote:", the notification quoted with a tab on every line, the answer below it.
     * Tried on a real Dovecot, the marker inside the tab quote ended the reply at the top: the customer got only
     * "Support wrote:", and the commands below the quote were never run.
     */
    @Test
    void anSNailReplyQuotedWithTabsRunsItsCommandsAndSendsTheTextBelowTheQuote() throws Exception {
        Harness h = start(TestDatabases.Kind.H2, Map.of(), "Bob");
        h.deliver(Harness.customerMail("<q1@example.test>", "Invoice", "The invoice is wrong."));
        MimeMessage n = awaitMail(address("Bob"), 1, "New ticket").get(0);
        String tabQuoted = Arrays.stream(text(n).split("\r?\n")).map(l -> "\t" + l)
                .reduce((a, b) -> a + "\n" + b).orElse("");
        h.deliver(raw("Bob <" + address("Bob") + ">", "<r1@agents.test>", "Re: " + n.getSubject(), n.getMessageID(),
                "Support <" + Harness.SUPPORT + "> wrote:\n\n" + tabQuoted
                        + "\n#take\n#priority high\nWe correct the invoice today.\n"));

        TicketRow ticket = Await.value("taken with priority high", WAIT, () -> onlyTicket(h),
                t -> "HIGH".equals(t.priority()) && t.ownerAgentId() != null);
        String answer = text(awaitMail(Harness.CUSTOMER, 1, "Re: ").get(0)).replace("\r\n", "\n");
        assertThat(answer).startsWith("We correct the invoice today.\n")
                .doesNotContain("wrote:", "reply above this line", "#take", "#priority", "Ref:");
        assertThat(ticket.status()).isNotEqualTo(TicketStatus.CLOSED);
    }

    @Test
    void aFooterBelowTheQuoteIsHeldUntilTheAgentConfirmsWithSend() throws Exception {
        Harness h = start(TestDatabases.Kind.H2, Map.of(), "Bob");
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer", "Broken."));
        MimeMessage n = awaitMail(address("Bob"), 1, "New ticket").get(0);
        deliverReply(h, "Bob", "<r1@agents.test>", n, "#close\nFixed it.");
        // reply() quotes the notification below "Fixed it."; a company footer follows the quote.
        MimeMessage first = mailTo(Harness.CUSTOMER, "").get(0);
        assertThat(first).isNotNull();
        h.deliver(raw("Bob <" + address("Bob") + ">", "<r2@agents.test>", "Re: " + n.getSubject(), n.getMessageID(),
                "Restarted it.\n\nOn Mon, 23 Nov 2026 at 10:00, Support <" + Harness.SUPPORT + "> wrote:\n"
                        + quoted(n) + "\n\nACME Facilities | Building 2"));
        MimeMessage check = awaitMail(address("Bob"), 1, "Not sent yet: please check").get(0);
        assertThat(text(check)).contains("#send", "Restarted it.", "> Broken.", "ACME Facilities | Building 2")
                .doesNotContain("> Ref:");
        TicketRow ticket = onlyTicket(h);
        assertThat(new HeldReplyRepository(h.db.dsl()).byTicket(ticket.id())).singleElement()
                .matches(r -> r.reason().equals(HeldReply.UNSURE) && r.status().equals(HeldReply.HELD));
        assertThat(mailTo(Harness.CUSTOMER, "Re: ")).hasSize(1); // only "Fixed it."

        deliverReply(h, "Bob", "<r3@agents.test>", check, "#send");
        List<MimeMessage> answers = awaitMail(Harness.CUSTOMER, 2, "Re: ");
        String sent = text(answers.get(1)).replace("\r\n", "\n");
        assertThat(sent).startsWith("Restarted it.\n\n> Broken.\n\nACME Facilities | Building 2\n\n--");
        awaitOutboxDrained(h);
        assertThat(new HeldReplyRepository(h.db.dsl()).byTicket(ticket.id())).singleElement()
                .matches(r -> r.status().equals(HeldReply.SENT));
    }

    @Test
    void aCustomersFollowUpReachesTheAgentWithTheQuotedHistoryFolded() throws Exception {
        Harness h = start(TestDatabases.Kind.H2, Map.of(), "Bob");
        h.deliver(Harness.customerMail("<q1@example.test>", "Printer", "Broken."));
        MimeMessage n = awaitMail(address("Bob"), 1, "New ticket").get(0);
        deliverReply(h, "Bob", "<r1@agents.test>", n, "Which model is it?");
        MimeMessage answer = awaitMail(Harness.CUSTOMER, 1, "Re: ").get(0);
        String quotedAnswer = Arrays.stream(text(answer).split("\r?\n")).map(l -> "> " + l)
                .reduce((a, b) -> a + "\r\n" + b).orElseThrow();
        h.deliver(Harness.customerMail("<q2@example.test>", "Re: Printer", "It is an XK-42.\r\n\r\nAnn\r\n\r\n"
                + "On Mon, 23 Nov 2026 at 11:00, Support <" + Harness.SUPPORT + "> wrote:\r\n" + quotedAnswer,
                "In-Reply-To: " + answer.getMessageID()));

        String followUp = text(awaitMail(address("Bob"), 1, "Follow-up").get(0)).replace("\r\n", "\n");
        long hidden = 1 + Arrays.stream(text(answer).split("\r?\n")).filter(l -> !l.isBlank()).count();
        assertThat(followUp).contains("It is an XK-42.\n\nAnn\n\n… " + hidden + " quoted lines hidden — full message: "
                + "postdesk ticket show " + onlyTicket(h).number()).doesNotContain("Which model is it?", "wrote:");
        assertThat(new MessageRepository(h.db.dsl()).byTicket(onlyTicket(h).id()))
                .anyMatch(m -> m.bodyText() != null && m.bodyText().contains("> Which model is it?"));
    }

    private static String quoted(MimeMessage notification) throws Exception {
        return Arrays.stream(text(notification).split("\r?\n")).map(l -> "> " + l)
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    // --- helpers ---

    private static TicketRow onlyTicket(Harness h) {
        List<TicketRow> all = new TicketRepository(h.db.dsl()).list(null, 10);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static List<OutboxItem> allOutbox(Harness h) {
        List<OutboxItem> all = new ArrayList<>();
        new TicketRepository(h.db.dsl()).list(null, 100)
                .forEach(t -> all.addAll(new OutboxRepository(h.db.dsl()).byTicket(t.id())));
        return all;
    }

    private static void awaitOutboxDrained(Harness h) {
        Await.until("outbox sent", WAIT, () -> new OutboxRepository(h.db.dsl()).countByStatus(OutboxRepository.PENDING) == 0);
    }

    private List<MimeMessage> awaitMail(String to, int n, String subjectPrefix) {
        return Await.value(n + " mail(s) '" + subjectPrefix + "' to " + to, WAIT, () -> mailTo(to, subjectPrefix),
                l -> l.size() >= n);
    }

    private List<MimeMessage> mailTo(String to, String subjectPrefix) {
        return harness.mailTo(to, subjectPrefix);
    }

    private static String text(MimeMessage m) throws Exception {
        Object content = m.getContent();
        if (content instanceof MimeMultipart mp) {
            return mp.getBodyPart(0).getContent().toString();
        }
        return content.toString();
    }

    private static List<String> attachmentNames(MimeMessage m) throws Exception {
        List<String> names = new ArrayList<>();
        if (m.getContent() instanceof MimeMultipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                if (mp.getBodyPart(i).getFileName() != null) {
                    names.add(mp.getBodyPart(i).getFileName());
                }
            }
        }
        return names;
    }

    private static void deliverReply(Harness h, String agent, String messageId, MimeMessage notification, String typed)
            throws Exception {
        h.deliver(reply(agent, messageId, notification, typed));
    }

    /** An agent's reply as Gmail writes it: text on top, the notification quoted below. */
    private static String reply(String agent, String messageId, MimeMessage notification, String typed)
            throws Exception {
        String quoted = Arrays.stream(text(notification).split("\r?\n")).map(l -> "> " + l)
                .reduce((a, b) -> a + "\r\n" + b).orElse("");
        return raw(agent + " <" + address(agent) + ">", messageId, "Re: " + notification.getSubject(),
                notification.getMessageID(), typed + "\r\n\r\nOn Mon, 23 Nov 2026 at 10:00, Support <"
                        + Harness.SUPPORT + "> wrote:\r\n" + quoted);
    }

    private static String raw(String from, String messageId, String subject, String inReplyTo, String body) {
        return "From: " + from + "\r\nTo: " + Harness.SUPPORT + "\r\nSubject: " + subject + "\r\nMessage-ID: "
                + messageId + "\r\n" + (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\r\nReferences: "
                + inReplyTo + "\r\n") + "Date: Mon, 23 Nov 2026 10:05:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body.replace("\n", "\r\n").replace("\r\r", "\r")
                + "\r\n";
    }

    private static String withAttachment(String messageId, String subject, String body) {
        return "From: Ann Customer <" + Harness.CUSTOMER + ">\r\nTo: " + Harness.SUPPORT + "\r\nSubject: " + subject
                + "\r\nMessage-ID: " + messageId + "\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=UTF-8"
                + "\r\n\r\n" + body + "\r\n--b1\r\nContent-Type: text/plain; name=\"log.txt\"\r\n"
                + "Content-Disposition: attachment; filename=\"log.txt\"\r\n\r\nerror 42\r\n--b1--\r\n";
    }
}
