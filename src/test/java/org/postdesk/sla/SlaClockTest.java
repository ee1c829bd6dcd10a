package org.postdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postdesk.tickets.TicketStatus;

class SlaClockTest {
    private static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");
    private static final BusinessCalendar OFFICE =
            new BusinessCalendar(KYIV, WeeklyHours.parse("mon-fri 09:00-18:00"), List.of());
    private static final SlaPolicy POLICY = new SlaPolicy(Map.of(SlaTarget.FIRST_RESPONSE, Duration.ofHours(4),
            SlaTarget.NEXT_RESPONSE, Duration.ofHours(8), SlaTarget.RESOLUTION, Duration.ofHours(40)), 80, Optional.empty());

    private final List<SlaEvent> events = new ArrayList<>();

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(KYIV).toInstant();
    }

    private Deadline target(SlaTarget target, String now) {
        return target(target, now, POLICY);
    }

    private Deadline target(SlaTarget target, String now, SlaPolicy policy) {
        return SlaClock.replay(events, policy, OFFICE).deadlines(at(now)).stream()
                .filter(d -> d.target() == target).findFirst().orElseThrow();
    }

    @Test
    void firstResponseRunsInBusinessTimeAndWarnsAtEightyPercent() {
        events.add(new SlaEvent.Opened(at("2026-11-27T17:30")));

        Deadline d = target(SlaTarget.FIRST_RESPONSE, "2026-11-30T11:00");

        assertThat(d.dueAt()).isEqualTo(at("2026-11-30T12:30"));
        assertThat(d.warnAt()).isEqualTo(at("2026-11-30T11:42"));
        assertThat(d.state()).isEqualTo(SlaState.OK);
        assertThat(d.left()).isEqualTo(Duration.ofMinutes(90));
        assertThat(target(SlaTarget.FIRST_RESPONSE, "2026-11-30T12:00").state()).isEqualTo(SlaState.WARNING);
        assertThat(target(SlaTarget.FIRST_RESPONSE, "2026-11-30T12:30").state()).isEqualTo(SlaState.BREACHED);
    }

    @Test
    void theFirstAgentReplyMeetsFirstResponseAndPendingPausesResolution() {
        events.add(new SlaEvent.Opened(at("2026-11-30T09:00")));
        events.add(new SlaEvent.AgentReplied(at("2026-11-30T10:00")));

        assertThat(target(SlaTarget.FIRST_RESPONSE, "2026-12-10T10:00").state()).isEqualTo(SlaState.MET);
        Deadline resolution = target(SlaTarget.RESOLUTION, "2026-12-10T10:00");
        assertThat(resolution.state()).isEqualTo(SlaState.PAUSED);
        assertThat(resolution.left()).isEqualTo(Duration.ofHours(39));
        assertThat(resolution.dueAt()).isNull();
    }

    @Test
    void theCustomersNextMessageRestartsTheClocksAndStartsNextResponse() {
        events.add(new SlaEvent.Opened(at("2026-11-30T09:00")));
        events.add(new SlaEvent.AgentReplied(at("2026-11-30T10:00")));
        events.add(new SlaEvent.CustomerWrote(at("2026-12-02T09:00")));
        events.add(new SlaEvent.CustomerWrote(at("2026-12-02T15:00")));

        Deadline next = target(SlaTarget.NEXT_RESPONSE, "2026-12-02T16:00");
        assertThat(next.cycle()).isEqualTo(1);
        assertThat(next.dueAt()).isEqualTo(at("2026-12-02T17:00"));   // from the first unanswered message
        assertThat(target(SlaTarget.RESOLUTION, "2026-12-02T16:00").left()).isEqualTo(Duration.ofHours(39 - 7));

        events.add(new SlaEvent.AgentReplied(at("2026-12-02T16:30")));
        events.add(new SlaEvent.CustomerWrote(at("2026-12-03T09:00")));
        Deadline second = target(SlaTarget.NEXT_RESPONSE, "2026-12-03T09:00");
        assertThat(second.cycle()).isEqualTo(2);
        assertThat(second.dueAt()).isEqualTo(at("2026-12-03T17:00"));
    }

    @Test
    void pendingSetByHandPausesAndReopeningByTheAgentResumes() {
        events.add(new SlaEvent.Opened(at("2026-11-30T09:00")));
        events.add(new SlaEvent.StatusSet(at("2026-11-30T10:00"), TicketStatus.PENDING));
        assertThat(target(SlaTarget.FIRST_RESPONSE, "2026-12-07T10:00").state()).isEqualTo(SlaState.PAUSED);

        events.add(new SlaEvent.StatusSet(at("2026-12-01T09:00"), TicketStatus.OPEN));
        Deadline d = target(SlaTarget.FIRST_RESPONSE, "2026-12-01T09:00");
        assertThat(d.dueAt()).isEqualTo(at("2026-12-01T12:00"));
    }

    @Test
    void closingMeetsResolutionAndAReopenedTicketKeepsTheTimeItUsed() {
        events.add(new SlaEvent.Opened(at("2026-11-30T09:00")));
        events.add(new SlaEvent.AgentReplied(at("2026-11-30T10:00")));
        events.add(new SlaEvent.StatusSet(at("2026-11-30T11:00"), TicketStatus.CLOSED));
        assertThat(target(SlaTarget.RESOLUTION, "2026-12-01T09:00").state()).isEqualTo(SlaState.MET);

        events.add(new SlaEvent.CustomerWrote(at("2026-12-01T09:00")));
        Deadline reopened = target(SlaTarget.RESOLUTION, "2026-12-01T09:00");
        assertThat(reopened.state()).isEqualTo(SlaState.OK);
        assertThat(reopened.left()).isEqualTo(Duration.ofHours(39));
        assertThat(target(SlaTarget.NEXT_RESPONSE, "2026-12-01T09:00").dueAt()).isEqualTo(at("2026-12-01T17:00"));
    }

    @Test
    void aMergedTicketHasNoDeadlinesAnyMore() {
        events.add(new SlaEvent.Opened(at("2026-11-30T09:00")));
        events.add(new SlaEvent.MergedAway(at("2026-11-30T09:30")));
        events.add(new SlaEvent.CustomerWrote(at("2026-11-30T10:00")));

        assertThat(SlaClock.replay(events, POLICY, OFFICE).deadlines(at("2026-12-30T10:00"))).isEmpty();
    }

    @Test
    void spamStopsEveryClock() {
        events.add(new SlaEvent.Opened(at("2026-11-30T09:00")));
        events.add(new SlaEvent.StatusSet(at("2026-11-30T09:30"), TicketStatus.SPAM));

        assertThat(SlaClock.replay(events, POLICY, OFFICE).deadlines(at("2026-12-30T10:00"))).isEmpty();
    }

    @Test
    void aPriorityWithAStricterPolicyReplaysToAnEarlierDueTime() {
        events.add(new SlaEvent.Opened(at("2026-11-30T09:00")));
        SlaPolicy urgent = new SlaPolicy(Map.of(SlaTarget.FIRST_RESPONSE, Duration.ofMinutes(30)), 50, Optional.of("URGENT"));
        List<ScopedPolicy> policies = List.of(new ScopedPolicy(null, null, POLICY), new ScopedPolicy("urgent", null, urgent));

        SlaPolicy chosen = ScopedPolicy.select(policies, "URGENT", null).orElseThrow();

        assertThat(chosen).isEqualTo(urgent);
        Deadline d = target(SlaTarget.FIRST_RESPONSE, "2026-11-30T09:20", chosen);
        assertThat(d.dueAt()).isEqualTo(at("2026-11-30T09:30"));
        assertThat(d.state()).isEqualTo(SlaState.WARNING);
        assertThat(ScopedPolicy.select(policies, "NORMAL", "Billing")).contains(POLICY);
    }

    @Test
    void aBreachWhilePausedKeepsItsDueTimeAndALateAnswerIsMarkedLate() {
        events.add(new SlaEvent.Opened(at("2026-11-30T09:00")));
        events.add(new SlaEvent.StatusSet(at("2026-11-30T15:00"), TicketStatus.PENDING));

        Deadline paused = target(SlaTarget.FIRST_RESPONSE, "2026-12-01T09:00");
        assertThat(paused.state()).isEqualTo(SlaState.BREACHED);
        assertThat(paused.dueAt()).isEqualTo(at("2026-11-30T13:00"));

        events.add(new SlaEvent.AgentReplied(at("2026-12-01T10:00")));
        Deadline met = target(SlaTarget.FIRST_RESPONSE, "2026-12-01T10:00");
        assertThat(met.state()).isEqualTo(SlaState.MET);
        assertThat(met.late()).isTrue();
    }

    @Test
    void categoryAndPriorityTogetherBeatEitherAlone() {
        SlaPolicy a = policy(1);
        SlaPolicy b = policy(2);
        SlaPolicy c = policy(3);
        List<ScopedPolicy> ps = List.of(new ScopedPolicy(null, "billing", a), new ScopedPolicy("HIGH", null, b),
                new ScopedPolicy("HIGH", "Billing", c));

        assertThat(ScopedPolicy.select(ps, "HIGH", "billing")).contains(c);
        assertThat(ScopedPolicy.select(ps, "HIGH", "other")).contains(b);
        assertThat(ScopedPolicy.select(ps, "LOW", "Billing")).contains(a);
        assertThat(ScopedPolicy.select(ps, "LOW", null)).isEmpty();
    }

    private static SlaPolicy policy(int hours) {
        return new SlaPolicy(Map.of(SlaTarget.RESOLUTION, Duration.ofHours(hours)), 80, Optional.empty());
    }
}
