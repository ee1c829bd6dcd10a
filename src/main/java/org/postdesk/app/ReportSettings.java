package org.postdesk.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.reports.DigestSchedule;
import org.postdesk.store.Agent;
import org.postdesk.store.AgentRepository;
import org.postdesk.store.DigestRepository;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.SurveyRepository;
import org.postdesk.store.TierRepository;
import org.postdesk.tickets.survey.SurveyScale;

/**
 * A mailbox's report settings (issue 12), set with {@code postdesk mailbox set}: the satisfaction survey (on/off,
 * scale), the weekly digest (a weekday and time, or off) and the team lead, who gets the digest and bad ratings.
 * The team lead is the one of issue 11 ({@code mailbox.team_lead_agent_id}, also set by {@code agent set
 * --lead-of}): one source of truth. Every value is checked before anything is written.
 */
public final class ReportSettings {
    /** What to change; a null field keeps its value. {@code digest} "off" turns it off, {@code teamLead} "none" clears. */
    public record Change(String survey, String surveyScale, String digest, String teamLead) {
        public boolean isEmpty() {
            return survey == null && surveyScale == null && digest == null && teamLead == null;
        }
    }

    private ReportSettings() {
    }

    /** Applies {@code c} to mailbox {@code name}; returns one line per change. */
    public static String set(DSLContext tx, String name, Change c) {
        Mailbox m = MailboxChanges.find(new MailboxRepository(tx), name);
        Boolean survey = c.survey() == null ? null : onOff("--survey", c.survey());
        Optional<SurveyScale> scale = c.surveyScale() == null ? Optional.empty() : Optional.of(SurveyScale.of(c.surveyScale())
                .orElseThrow(() -> new RefusedException("--survey-scale " + c.surveyScale() + ": expected 5 (grades 1"
                        + " to 5) or good-bad")));
        String digest = c.digest() == null ? null : digest(c.digest());
        Optional<Agent> lead = c.teamLead() == null || c.teamLead().equalsIgnoreCase("none") ? Optional.empty()
                : Optional.of(TicketCommands.agent(new AgentRepository(tx), c.teamLead()));
        List<String> did = new ArrayList<>();
        SurveyRepository surveys = new SurveyRepository(tx);
        if (survey != null || scale.isPresent()) {
            boolean on = survey != null ? survey : surveys.scaleIfEnabled(m.id()).isPresent();
            String code = scale.map(SurveyScale::code).orElseGet(() -> surveys.scale(m.id()));
            surveys.configure(m.id(), on, code);
            did.add("survey " + (on ? "on, scale " + code : "off"));
        }
        if (c.teamLead() != null) {
            new TierRepository(tx).setTeamLead(m.id(), lead.map(Agent::id).orElse(null));
            did.add("team lead " + lead.map(Agent::display).orElse("none"));
        }
        if (digest != null) {
            new DigestRepository(tx).setSchedule(m.id(), digest.isEmpty() ? null : digest);
            did.add(digest.isEmpty() ? "weekly digest off" : "weekly digest " + digest + digestNote(tx, m));
        }
        return "mailbox " + name + ": " + String.join(", ", did);
    }

    private static String digestNote(DSLContext tx, Mailbox m) {
        return new TierRepository(tx).teamLead(m.id()).isPresent() ? ""
                : " (WARNING: no team lead to mail it to: set one with --team-lead AGENT)";
    }

    private static boolean onOff(String option, String value) {
        if (value.equalsIgnoreCase("on")) {
            return true;
        }
        if (value.equalsIgnoreCase("off")) {
            return false;
        }
        throw new RefusedException(option + " " + value + ": expected on or off");
    }

    /** The stored form of a {@code --digest} value: "" for off. */
    private static String digest(String value) {
        if (value.equalsIgnoreCase("off")) {
            return "";
        }
        return DigestSchedule.parse(value).map(DigestSchedule::format).orElseThrow(() -> new RefusedException(
                "--digest '" + value + "': expected a weekday and a time such as 'mon 08:00' (in the mailbox's"
                        + " calendar zone), or off"));
    }
}
