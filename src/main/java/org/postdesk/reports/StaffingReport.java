package org.postdesk.reports;

import static org.postdesk.store.db.Tables.TICKET_FACT;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@code report staffing}: arrivals per hour of the week over the period's weeks, the measured work per
 * ticket, and the Erlang C plan ({@link StaffingPlan}) with its recommendation.
 */
public record StaffingReport(ReportFilter filter, String handlingTimeSource, double serviceLevel, double shrinkage,
                             long firstResponseTargetSeconds, StaffingPlan.Result plan) implements Report {

    public static StaffingReport run(DSLContext dsl, Targets targets, ReportFilter f) {
        return run(dsl, targets, f, ArrivalsReport.run(dsl, targets.working(), f));
    }

    /** The plan with the period's {@code arrivals} already at hand (the dashboard shows them too). */
    static StaffingReport run(DSLContext dsl, Targets targets, ReportFilter f, ArrivalsReport arrivals) {
        ZoneId zone = targets.working().zone();
        Map<Integer, List<Long>> counts = new HashMap<>();
        dsl.select(TICKET_FACT.CREATED_DAY, TICKET_FACT.CREATED_HOW, DSL.count()).from(TICKET_FACT)
                .where(FactConditions.createdIn(f)).groupBy(TICKET_FACT.CREATED_DAY, TICKET_FACT.CREATED_HOW)
                .forEach(r -> counts.computeIfAbsent(r.value2(), k -> new ArrayList<>()).add((long) r.value3()));
        int[] occurrences = new int[7];
        LocalDate last = f.to().minusNanos(1).atZone(zone).toLocalDate();
        for (LocalDate d = f.from().atZone(zone).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            occurrences[d.getDayOfWeek().getValue() - 1]++;
        }
        double[] mean = new double[168];
        double[] p90 = new double[168];
        for (int how = 0; how < 168; how++) {
            List<Long> seen = new ArrayList<>(counts.getOrDefault(how, List.of()));
            int weeks = Math.max(occurrences[how / 24], seen.size());
            while (seen.size() < weeks) {
                seen.add(0L);
            }
            seen.sort(Long::compare);
            mean[how] = weeks == 0 ? 0 : seen.stream().mapToLong(Long::longValue).sum() / (double) weeks;
            p90[how] = weeks == 0 ? 0 : seen.get((int) Math.ceil(0.9 * weeks) - 1);
        }
        String source;
        double minutes;
        if (targets.handlingTime() != null) {
            minutes = targets.handlingTime().toSeconds() / 60.0;
            source = "report.handling-time";
        } else {
            var avg = dsl.select(DSL.avg(TICKET_FACT.AGENT_REPLIES)).from(TICKET_FACT).where(FactConditions.closedIn(f))
                    .and(TICKET_FACT.AGENT_REPLIES.gt(0)).fetchOne().value1();
            double replies = avg == null ? 1.0 : avg.doubleValue();
            minutes = replies * targets.minutesPerReply();
            source = String.format(Locale.ROOT, "%.2f agent replies per closed ticket × %d min (report.minutes-per-reply)",
                    replies, targets.minutesPerReply());
        }
        StaffingPlan.Result plan = StaffingPlan.plan(new StaffingPlan.Input(mean, p90, minutes, targets.firstResponse(),
                targets.serviceLevel(), targets.shrinkage(), targets.working(),
                arrivals.nightShare() == null ? 0 : arrivals.nightShare()));
        return new StaffingReport(f, source, targets.serviceLevel(), targets.shrinkage(),
                targets.firstResponse().toSeconds(), plan);
    }

    @Override
    public Object data() {
        return this;
    }

    @Override
    public List<Chart> charts() {
        return List.of(Charts.staffing(this));
    }

    @Override
    public List<ReportTable> tables() {
        ReportTable.Builder t = new ReportTable.Builder("Staffing plan " + ReportPeriods.describe(filter), "day", "hour",
                "arrivals (mean)", "arrivals (p90)", "erlangs", "agents", "agents (p90 week)", "calendar");
        plan.hours().stream().filter(h -> h.meanArrivals() > 0 || h.open())
                .forEach(h -> t.row(h.day(), String.format(Locale.ROOT, "%02d:00", h.hour()), h.meanArrivals(),
                        h.p90Arrivals(), h.erlangs(), h.agents(), h.agentsP90(), h.open() ? "open" : "closed"));
        t.note(String.format(Locale.ROOT, "Work per ticket: %.1f min (%s). Agents answer %.0f%% of first responses within"
                        + " %s (Erlang C), with %.0f%% shrinkage. Hours without arrivals outside the calendar are left out.",
                plan.handlingMinutes(), handlingTimeSource, serviceLevel * 100,
                TextFormat.duration(firstResponseTargetSeconds), shrinkage * 100));
        t.note(String.format(Locale.ROOT, "The current calendar (%s, %d h a week) needs %d agent(s) to meet the"
                + " first-response target.", plan.calendar(), plan.hours().stream().filter(HourPlan::open).count(),
                plan.calendarAgents()));
        t.note("Recommendation: " + plan.recommendation());
        return List.of(t.build());
    }
}
