package org.postdesk.outbound;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.postdesk.tickets.agent.CommandParser;
import org.postdesk.tickets.agent.ReplyTrimmer;

/**
 * The model each template gets, built from a {@link TicketFacts}: what a template is validated against
 * before it is stored, and what {@code postdesk template render} shows. A template that declares a new
 * model record registers its factory in {@link #standard()}; canned answers all get {@link AnswerModel}.
 */
public final class TemplateSamples {
    private final Map<String, Function<TicketFacts, Object>> byName;

    private TemplateSamples(Map<String, Function<TicketFacts, Object>> byName) {
        this.byName = Map.copyOf(byName);
    }

    /** The models of the system templates this build knows. */
    public static TemplateSamples standard() {
        Map<String, Function<TicketFacts, Object>> m = new TreeMap<>();
        m.put("ack", f -> new AckModel(f.number(), f.tag(), f.subject(), f.customerName(), f.customerAddress(),
                f.supportAddress(), f.teamName()));
        m.put("ack-after-hours", f -> new AfterHoursAckModel(f.number(), f.tag(), f.subject(), f.customerName(),
                f.customerAddress(), f.supportAddress(), f.teamName(), "Monday 2 March at 09:00 (Europe/Kyiv)",
                "Monday 2 March at 13:00 (Europe/Kyiv)", "International Women's Day"));
        m.put("sla-warning", f -> notice(f, new SlaNoticeDetails.Warning("first-response",
                "Monday 2 March at 13:00 (Europe/Kyiv)", "48 min")));
        m.put("escalation", f -> notice(f, new SlaNoticeDetails.Escalation("first-response breached", "first-response",
                "Monday 2 March at 13:00 (Europe/Kyiv)", "postdesk", List.of("2026-03-02T08:10Z postdesk created"), true)));
        m.put("notification", f -> notice(f, new NoticeDetails.NewMessage(true, f.customerName(), f.customerAddress(),
                "My printer is on <b>fire</b> & smoking.\nPlease help.", List.of("photo.jpg"))));
        m.put("held", f -> notice(f, new NoticeDetails.Held("Eve Jones", "eve@example.com", "2026-11-23T10:00Z",
                true, "Please switch it off first.", List.of("#close"))));
        m.put("stale", f -> notice(f, new NoticeDetails.Stale(List.of("From: " + f.customerAddress()
                + "\n\nIt smokes now."), "Please switch it off first.", List.of("#close"))));
        m.put("command-error", f -> notice(f, new NoticeDetails.CommandErrors(
                List.of("line 1: \"#prio high\": unknown command #prio"), List.of("#take", "#priority low|normal|high|urgent"))));
        m.put("idle-release", f -> notice(f, new NoticeDetails.IdleRelease(f.agentName() + " <bob@example.com>", "4 h")));
        m.put("handover", f -> notice(f, new NoticeDetails.Handover(NoticeDetails.Handover.ASSIGNED_TO_YOU,
                "Eve Jones <eve@example.com>", "My printer is on <b>fire</b> & smoking.\nPlease help.")));
        m.put("delivery-failed", f -> notice(f, new NoticeDetails.DeliveryFailed("REPLY", f.customerAddress(),
                "refused: 550 5.1.1 <" + f.customerAddress() + ">: Recipient address rejected: User unknown")));
        m.put("empty-reply", f -> notice(f, new NoticeDetails.EmptyReply(List.of("invoice.pdf"))));
        m.put("inline-check", f -> notice(f, new NoticeDetails.InlineCheck(
                "Hi Anna,\n\n> Is it the printer on the 3rd floor?\nYes, since 9:00.\n\nBob Lee\nFacilities",
                List.of("#close"))));
        m.put("confirm", f -> notice(f, new NoticeDetails.Confirm("#close\nPlease switch it off first.",
                f.agentName() + " <bob@example.com>", "24 h", "2026-11-24T10:00Z")));
        m.put("withheld", f -> notice(f, new NoticeDetails.Withheld("notice.eml",
                "Please switch it off first.")));
        m.put("send-result", f -> notice(f, new NoticeDetails.SendResult("that reply was already sent.")));
        m.put("answer-list", f -> notice(f, new NoticeDetails.AnswerList(List.of("need-details", "password-reset"))));
        m.put(OAuthFailureNotice.TEMPLATE, f -> new OAuthFailedModel(f.agentName(), "support", f.supportAddress(),
                "google", "invalid_grant (Token has been expired or revoked.)",
                "postdesk mailbox oauth support --provider google --client-id …"));
        m.put("reply", f -> new ReplyModel(f.tag(), f.number(), f.subject(),
                "Hello " + f.customerName() + ",\n\nplease switch it off & unplug it.", f.agentName(), f.teamName(),
                f.supportAddress()));
        m.put("bad-rating", f -> notice(f, new RatingNoticeDetails("2 of 5", "It took <b>three</b> days & nobody called.",
                f.customerAddress())));
        m.put(DigestMailer.TEMPLATE, f -> new DigestModel("support", f.teamName(), f.agentName(), "2026-11-16",
                "2026-11-22", "Europe/Kyiv", "opened  <b>42</b>\nclosed  40", "report-2026-11-16.html"));
        m.put(SurveyMailer.TEMPLATE, f -> new SurveyModel(f.number(), f.tag(), f.subject(), f.customerName(),
                f.teamName(), f.supportAddress(), "5", List.of(5, 4, 3, 2, 1).stream().map(g -> new SurveyModel.Choice(g,
                        g >= 4, "mailto:" + f.supportAddress() + "?subject=Re%3A%20rating%20" + g + "%20pds1.sample"))
                .toList()));
        return new TemplateSamples(m);
    }

    /** What a mail to an agent about the ticket of {@code f} gets, with the template's own {@code details}. */
    static AgentNoticeModel notice(TicketFacts f, Object details) {
        TicketSummary ticket = new TicketSummary(f.tag(), f.number(), f.subject(), f.status(), f.priority(),
                f.owner(), f.customerAddress());
        return new AgentNoticeModel(ticket, f.agentName(), ReplyTrimmer.MARKER, CommandParser.help(),
                "Ref: pd1.sample-token", details);
    }

    /** A copy with {@code name}'s model factory added or replaced. */
    public TemplateSamples with(String name, Function<TicketFacts, Object> factory) {
        Map<String, Function<TicketFacts, Object>> m = new TreeMap<>(byName);
        m.put(name, factory);
        return new TemplateSamples(m);
    }

    /** The model of template {@code name} for {@code facts}; empty when this build has no model for the name. */
    public Optional<Object> model(String name, TicketFacts facts) {
        if (name.startsWith(TemplateKey.ANSWERS)) {
            return Optional.of(answer(facts));
        }
        Function<TicketFacts, Object> f = byName.get(name);
        return f == null ? Optional.empty() : Optional.of(f.apply(facts));
    }

    public Set<String> names() {
        return byName.keySet();
    }

    public static AnswerModel answer(TicketFacts f) {
        return new AnswerModel(f.number(), f.tag(), f.subject(), f.customerName(), f.customerAddress(),
                f.agentName(), f.teamName(), f.supportAddress());
    }

    /** A ticket whose every field is set and whose customer data holds markup, so escaping shows. */
    public static TicketFacts sampleTicket() {
        return new TicketFacts("10019", "[Support #10019]", "Printer <b>on fire</b> & smoking", "OPEN", "NORMAL",
                "Ann O'Neil", "ann@example.com", "Support", "support@example.com", "Bob Agent",
                "Bob Agent <bob@example.com>");
    }
}
