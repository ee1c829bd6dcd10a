package org.postdesk.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.postdesk.app.Actor;
import org.postdesk.app.TicketRules;
import org.postdesk.store.EventRepository;
import org.postdesk.store.Survey;
import org.postdesk.store.SurveyRepository;
import org.postdesk.store.TestDatabases;
import org.postdesk.store.TicketRepository;
import org.postdesk.store.TicketRow;
import org.postdesk.store.TierRepository;
import org.postdesk.tickets.TicketStatus;

/**
 * The satisfaction survey end to end (issue 12), through GreenMail from raw RFC 5322 text: a close sends one
 * survey, a plain reply or a rating link records the grade once, never reopens the ticket, a bad grade tells the
 * agent and the team lead, and a replayed, borrowed or forged token records nothing.
 */
class SurveyPipelineTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CARL = "carl@example.test";
    private static final Pattern LINK = Pattern.compile("mailto:(\\S+)\\?subject=(\\S+)");

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

    @Test
    void aClosedTicketIsSurveyedOnceAndItsAnswerIsRecordedOnceWithoutReopeningIt() throws Exception {
        harness = new Harness(greenMail, TestDatabases.Kind.H2, tempDir, Map.of());
        harness.addAgent("Bob", "bob@agents.test");
        long lead = harness.addAgent("Lea", "lea@agents.test");
        new TierRepository(harness.db.dsl()).setTeamLead(harness.mailbox.id(), lead);
        new SurveyRepository(harness.db.dsl()).configure(harness.mailbox.id(), true, "5");
        harness.startDaemon();

        harness.deliver(Harness.customerMail("<q1@example.test>", "Printer offline", "It does not print."));
        MimeMessage notice = awaitMail("bob@agents.test", 1, "New ticket").get(0);
        harness.deliver(agentReply("<r1@agents.test>", notice, "#close\nWe replaced the toner."));

        MimeMessage survey = awaitSurvey(Harness.CUSTOMER);
        TicketRow ticket = ticketOf(Harness.CUSTOMER);
        String text = survey.getContent().toString();
        assertThat(text).contains("5 of 5 (very good): mailto:" + Harness.SUPPORT + "?subject=");
        assertThat(survey.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(survey.getMessageID()).startsWith("<pds1.");

        // A plain reply: "2" and a comment above the quoted survey.
        harness.deliver(raw("Ann Customer <" + Harness.CUSTOMER + ">", "<a1@example.test>", "Re: " + subject(survey),
                survey.getMessageID(), "2, it took three days\n\nOn Mon, Support wrote:\n> " + subject(survey)));
        Survey rated = awaitRated(ticket.id());
        assertThat(rated.rating()).isEqualTo(2);
        assertThat(rated.comment()).isEqualTo("it took three days");
        assertThat(status(ticket)).isEqualTo(TicketStatus.CLOSED);
        MimeMessage bad = awaitMail("bob@agents.test", 1, "Bad rating:").get(0);
        assertThat(bad.getContent().toString()).contains("\"2 of 5\"", "it took three days");
        awaitMail("lea@agents.test", 1, "Bad rating:");

        // Replayed: the "5" link of the same survey, later. The first answer stands; the ticket stays closed.
        String[] five = link(text, 5);
        harness.deliver(raw("Ann Customer <" + Harness.CUSTOMER + ">", "<a2@example.test>", five[1], null,
                "Changed my mind"));
        awaitEvent(ticket, "ignored 5 of 5");
        assertThat(new SurveyRepository(harness.db.dsl()).byTicket(ticket.id()).orElseThrow().rating()).isEqualTo(2);
        assertThat(status(ticket)).isEqualTo(TicketStatus.CLOSED);

        // Ann's next ticket, closed from the command line: no second survey within csat.min-interval.
        harness.deliver(Harness.customerMail("<q2@example.test>", "Scanner offline", "Now the scanner."));
        TicketRow second = Await.value("Ann's second ticket", WAIT, () -> new TicketRepository(harness.db.dsl())
                .list(null, 10).stream().filter(t -> t.subject().equals("Scanner offline")).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        closeFromTheCommandLine(second);
        awaitEvent(second, "none: " + Harness.CUSTOMER + " had a survey within csat.min-interval");

        // Carl's ticket, closed from the command line, gets a survey of its own.
        harness.deliver(raw("Carl <" + CARL + ">", "<c1@example.test>", "Login fails", null, "I cannot log in."));
        TicketRow carls = Await.value("Carl's ticket", WAIT, () -> ticketOrNull(CARL), t -> t != null);
        closeFromTheCommandLine(carls);
        MimeMessage carlSurvey = awaitSurvey(CARL);
        String carlText = carlSurvey.getContent().toString();

        // Ann copies her own valid "5" token into a mail about Carl's ticket, and forges a mac for Carl's survey.
        String tag = "[Support #" + carls.number() + "]";
        harness.deliver(raw("Ann Customer <" + Harness.CUSTOMER + ">", "<f1@example.test>",
                "Re: " + tag + " rating 5 " + token(five[1]), null, "borrowed"));
        String carlFive = token(link(carlText, 5)[1]);
        String forged = carlFive.substring(0, carlFive.length() - 4) + (carlFive.endsWith("aaaa") ? "bbbb" : "aaaa");
        harness.deliver(raw("Ann Customer <" + Harness.CUSTOMER + ">", "<f2@example.test>",
                "Re: " + tag + " rating 1 " + forged, null, "forged"));
        Await.until("both mails stored", WAIT, () -> storedMessageIds().containsAll(
                List.of("<f1@example.test>", "<f2@example.test>")));
        assertThat(new SurveyRepository(harness.db.dsl()).byTicket(carls.id()).orElseThrow().ratedAt()).isNull();
        assertThat(status(carls)).isEqualTo(TicketStatus.CLOSED);

        // Carl answers through the "4" link of his survey: recorded, with his text as the comment.
        String[] four = link(carlText, 4);
        assertThat(four[0]).isEqualTo(Harness.SUPPORT);
        harness.deliver(raw("Carl <" + CARL + ">", "<c2@example.test>", four[1], null, "Quick and friendly."));
        Survey carlRated = awaitRated(carls.id());
        assertThat(carlRated.rating()).isEqualTo(4);
        assertThat(carlRated.comment()).isEqualTo("Quick and friendly.");
        assertThat(status(carls)).isEqualTo(TicketStatus.CLOSED);
        assertThat(harness.mailTo(Harness.CUSTOMER, "[Support #").stream().filter(m -> subject(m)
                .contains("How did we do?"))).hasSize(1);
    }

    private void closeFromTheCommandLine(TicketRow t) {
        harness.db.inTransaction(tx -> {
            new TicketRules(tx, Actor.admin("admin:test"), Instant.now()).close(t.id());
            return null;
        });
    }

    private List<String> storedMessageIds() {
        return harness.db.dsl().select(org.postdesk.store.db.Tables.MESSAGE.MESSAGE_ID)
                .from(org.postdesk.store.db.Tables.MESSAGE).fetch(org.postdesk.store.db.Tables.MESSAGE.MESSAGE_ID);
    }

    private MimeMessage awaitSurvey(String to) {
        return Await.value("a survey to " + to, WAIT, () -> harness.mailTo(to, "[Support #").stream()
                .filter(m -> subject(m).contains("How did we do?")).toList(), l -> !l.isEmpty()).get(0);
    }

    private Survey awaitRated(long ticketId) {
        return Await.value("the survey of ticket id " + ticketId + " rated", WAIT,
                () -> new SurveyRepository(harness.db.dsl()).byTicket(ticketId).orElse(null),
                s -> s != null && s.ratedAt() != null);
    }

    private void awaitEvent(TicketRow t, String detailStart) {
        Await.until("an event '" + detailStart + "…' on ticket " + t.number(), WAIT,
                () -> new EventRepository(harness.db.dsl()).byTicket(t.id()).stream()
                        .anyMatch(e -> e.detail() != null && e.detail().startsWith(detailStart)));
    }

    private TicketStatus status(TicketRow t) {
        return new TicketRepository(harness.db.dsl()).byId(t.id()).orElseThrow().status();
    }

    private TicketRow ticketOf(String requester) {
        return Await.value("a ticket of " + requester, WAIT, () -> ticketOrNull(requester), t -> t != null);
    }

    private TicketRow ticketOrNull(String requester) {
        return new TicketRepository(harness.db.dsl()).list(null, 10).stream()
                .filter(t -> t.requester().equals(requester)).findFirst().orElse(null);
    }

    private List<MimeMessage> awaitMail(String to, int n, String subjectPrefix) {
        return Await.value(n + " mail(s) '" + subjectPrefix + "' to " + to, WAIT, () -> harness.mailTo(to, subjectPrefix),
                l -> l.size() >= n);
    }

    /** The address and the decoded subject of the link for {@code grade}. */
    private static String[] link(String surveyText, int grade) {
        return surveyText.lines().filter(l -> l.strip().startsWith(grade + " of 5")).map(LINK::matcher)
                .filter(Matcher::find).map(m -> new String[] {m.group(1),
                        URLDecoder.decode(m.group(2), StandardCharsets.UTF_8)}).findFirst().orElseThrow();
    }

    private static String token(String subject) {
        return subject.substring(subject.indexOf("pds1."));
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String agentReply(String messageId, MimeMessage notice, String typed) throws Exception {
        String quoted = Arrays.stream(notice.getContent().toString().split("\r?\n")).map(l -> "> " + l)
                .reduce((a, b) -> a + "\r\n" + b).orElse("");
        return raw("Bob <bob@agents.test>", messageId, "Re: " + notice.getSubject(), notice.getMessageID(),
                typed + "\n\nOn Mon, 23 Nov 2026 at 10:00, Support <" + Harness.SUPPORT + "> wrote:\n" + quoted);
    }

    private static String raw(String from, String messageId, String subject, String inReplyTo, String body) {
        return "From: " + from + "\r\nTo: " + Harness.SUPPORT + "\r\nSubject: " + subject + "\r\nMessage-ID: "
                + messageId + "\r\n" + (inReplyTo == null ? "" : "In-Reply-To: " + inReplyTo + "\r\nReferences: "
                + inReplyTo + "\r\n") + "Date: Mon, 23 Nov 2026 10:05:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body.replace("\r\n", "\n").replace("\n", "\r\n")
                + "\r\n";
    }
}
