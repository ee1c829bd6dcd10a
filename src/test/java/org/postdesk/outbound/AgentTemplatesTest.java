package org.postdesk.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postdesk.tickets.agent.CommandParser;
import org.postdesk.tickets.agent.ReplyTrimmer;

/** Every template mailed to agents renders in every shipped language, marker first, tag in the subject. */
class AgentTemplatesTest {
    private static final Templates TEMPLATES = new Templates(null);
    private static final TicketSummary TICKET = new TicketSummary("[Support #10019]", "10019", "Printer on fire",
            "OPEN", "HIGH", "Bob <bob@example.test>", "ann@example.test");

    static Stream<Arguments> notices() {
        List<Object[]> cases = List.of(
                new Object[] {"notification", new NoticeDetails.NewMessage(true, "Ann", "ann@example.test",
                        "Help, it burns.", List.of("log.txt"))},
                new Object[] {"notification", new NoticeDetails.NewMessage(false, "", "ann@example.test", "Again.",
                        List.of())},
                new Object[] {"held", new NoticeDetails.Held("Bob", "bob@example.test", "2026-11-23T10:00Z", true,
                        "My answer.", List.of("#close"))},
                new Object[] {"held", new NoticeDetails.Held("Bob", "bob@example.test", "2026-11-23T10:00Z", false,
                        "", List.of("#take"))},
                new Object[] {"stale", new NoticeDetails.Stale(List.of("From: ann@example.test\n\nIt smokes."),
                        "My answer.", List.of("#close"))},
                new Object[] {"command-error", new NoticeDetails.CommandErrors(
                        List.of("line 1: \"#frob\": unknown command #frob"), List.of("#take", "#close"))},
                new Object[] {"idle-release", new NoticeDetails.IdleRelease("Bob <bob@example.test>", "4 h")},
                new Object[] {"handover", new NoticeDetails.Handover(NoticeDetails.Handover.ASSIGNED_TO_YOU,
                        "Bob <bob@example.test>", "Help, it burns.")},
                new Object[] {"handover", new NoticeDetails.Handover(NoticeDetails.Handover.TAKEN_FROM_YOU,
                        "admin:root", "")},
                new Object[] {"handover", new NoticeDetails.Handover(NoticeDetails.Handover.RELEASED,
                        "Bob <bob@example.test>", "Help, it burns.")},
                new Object[] {"handover", new NoticeDetails.Handover(NoticeDetails.Handover.OWNER_DISABLED,
                        "admin:root", "Help, it burns.")},
                new Object[] {"delivery-failed", new NoticeDetails.DeliveryFailed("ACK", "ann@example.test",
                        "refused: 550 5.1.1 User unknown (permanent)")},
                new Object[] {"delivery-failed", new NoticeDetails.DeliveryFailed("REPLY", "ann@example.test",
                        "still failing after PT72H: connect timed out")},
                new Object[] {"empty-reply", new NoticeDetails.EmptyReply(List.of("invoice.pdf"))},
                new Object[] {"empty-reply", new NoticeDetails.EmptyReply(List.of())},
                new Object[] {"send-result", new NoticeDetails.SendResult("that reply was already sent.")},
                new Object[] {"inline-check", new NoticeDetails.InlineCheck("Hi,\n> Is it on?\nYes.", List.of())},
                new Object[] {"inline-check", new NoticeDetails.InlineCheck("Hi,\n> Is it on?\nYes.",
                        List.of("#close"))},
                new Object[] {"withheld", new NoticeDetails.Withheld("notice.eml", "My answer.")},
                new Object[] {"withheld", new NoticeDetails.Withheld("", "My answer.")},
                new Object[] {"confirm", new NoticeDetails.Confirm("#close\nMy answer.", "Eve <eve@example.test>",
                        "24 h", "2026-11-24T10:00Z")},
                new Object[] {"answer-list", new NoticeDetails.AnswerList(List.of("need-details", "refund"))},
                new Object[] {"answer-list", new NoticeDetails.AnswerList(List.of())});
        return Stream.of("en", "ru", "uk").flatMap(locale -> cases.stream()
                .map(c -> Arguments.of(locale, c[0], c[1])));
    }

    @ParameterizedTest(name = "{1} ({0})")
    @MethodSource("notices")
    void noticeRendersWithMarkerTagAndToken(String locale, String template, Object details) {
        AgentNoticeModel model = new AgentNoticeModel(TICKET, "Eve", ReplyTrimmer.MARKER, CommandParser.help(),
                "Ref: pd1.1.2.3.abcdefghijklmnopqrstuvwxyz", details);
        RenderedMail mail = TEMPLATES.render(null, template, locale, model);
        assertThat(mail.subject()).contains("[Support #10019]").doesNotContain("${");
        assertThat(mail.text()).startsWith(ReplyTrimmer.MARKER).contains("Ref: pd1.1.2.3.").doesNotContain("${");
        assertThat(new ReplyTrimmer().trim(mail.text())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "uk"})
    void replyToTheCustomerCarriesTheTextAndTheAgentsName(String locale) {
        RenderedMail mail = TEMPLATES.render(null, "reply", locale, new ReplyModel("[Support #10019]", "10019",
                "Printer on fire", "Put it out.\n\nRegards", "Bob Smith", "Support", "support@example.test"));
        assertThat(mail.subject()).isEqualTo("Re: [Support #10019] Printer on fire");
        assertThat(mail.text()).startsWith("Put it out.\n\nRegards").contains("Bob Smith");
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru", "uk"})
    void aFollowUpShowsTheNewTextAndFoldsTheQuotedHistory(String locale) {
        NoticeDetails.NewMessage followUp = new NoticeDetails.NewMessage(false, "Ann", "ann@example.test",
                "Thanks, the serial is XK-42.\n\nOn Mon, Support wrote:\n> Which printer?\n> --\n> Bob",
                List.of(), "Thanks, the serial is XK-42.", 4);
        String text = TEMPLATES.render(null, "notification", locale, new AgentNoticeModel(TICKET, "Eve",
                ReplyTrimmer.MARKER, CommandParser.help(), "Ref: pd1.1.2.3.abc", followUp)).text();
        assertThat(text).contains("Thanks, the serial is XK-42.\n\n… ", " 4 ", "postdesk ticket show 10019")
                .doesNotContain("Which printer?");

        // An agent answering below the fold line: the customer gets the answer and the line it answers, not ours.
        String quoted = text.lines().map(l -> "> " + l).reduce((a, b) -> a + "\n" + b).orElseThrow()
                .replaceFirst("(?m)^(> … .*)$", "\n$1\nWe ship the part today.");
        assertThat(new ReplyTrimmer().trim("Hi Ann,\n\n" + quoted))
                .isEqualTo("Hi Ann,\n\n> Thanks, the serial is XK-42.\n\nWe ship the part today.");
    }
}
