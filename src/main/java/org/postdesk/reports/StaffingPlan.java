package org.postdesk.reports;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The staffing plan from observed arrivals: for every hour of the week, the agents needed to answer
 * {@code serviceLevel} of first responses within the target (Erlang C), divided by 1 − shrinkage and rounded
 * up, and a plain recommendation. Pure: all inputs are given.
 */
public final class StaffingPlan {
    private static final double NIGHT_SHIFT_THRESHOLD = 0.05;
    private static final int MAX_PEAKS = 4;

    /** A run of hours needing more than the base; {@code order} keeps the week's order. */
    private record Peak(int order, int need, String text) {
    }

    private StaffingPlan() {
    }

    /** What the plan is computed from; arrays are indexed by hour of week, Monday 00:00 first. */
    public record Input(double[] meanArrivals, double[] p90Arrivals, double handlingMinutes, Duration target,
                        double serviceLevel, double shrinkage, WorkingTime calendar, double nightShare) {
    }

    /** The plan: every hour, what the calendar needs, and the recommendation line. */
    public record Result(List<HourPlan> hours, double handlingMinutes, int calendarAgents, String calendar,
                         String recommendation) {
        public Result {
            hours = List.copyOf(hours);
        }
    }

    public static Result plan(Input in) {
        double aht = in.handlingMinutes() / 60.0;
        double target = in.target().toSeconds() / 3600.0;
        List<HourPlan> hours = new ArrayList<>();
        for (int how = 0; how < 168; how++) {
            DayOfWeek day = DayOfWeek.of(how / 24 + 1);
            int n = scheduled(ErlangC.agentsFor(in.meanArrivals()[how], aht, target, in.serviceLevel()), in.shrinkage());
            int p90 = scheduled(ErlangC.agentsFor(in.p90Arrivals()[how], aht, target, in.serviceLevel()), in.shrinkage());
            hours.add(new HourPlan(ArrivalsReport.dayName(how / 24), how % 24, in.meanArrivals()[how],
                    in.p90Arrivals()[how], in.meanArrivals()[how] * aht, n, p90, in.calendar().isOpenHour(day, how % 24)));
        }
        int openHours = in.calendar().openHoursPerWeek();
        double weekly = Arrays.stream(in.meanArrivals()).sum();
        int calendarAgents = openHours == 0 ? 0
                : scheduled(ErlangC.agentsFor(weekly / openHours, aht, target, in.serviceLevel()), in.shrinkage());
        String label = calendarLabel(hours);
        return new Result(hours, in.handlingMinutes(), calendarAgents, label, recommendation(in, hours, label));
    }

    /** Agents on the schedule: the Erlang C count grossed up for shrinkage. */
    static int scheduled(int agents, double shrinkage) {
        return agents == 0 ? 0 : (int) Math.ceil(agents / (1 - shrinkage) - 1e-9);
    }

    private static String recommendation(Input in, List<HourPlan> hours, String label) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%.0f %% of requests arrive between 22:00 and 06:00: ",
                in.nightShare() * 100));
        if (in.nightShare() < NIGHT_SHIFT_THRESHOLD) {
            b.append("no night shift needed");
        } else {
            int night = hours.stream().filter(h -> ArrivalsReport.isNight(h.hour())).mapToInt(HourPlan::agents).max().orElse(0);
            b.append("a night shift is needed: 22–06 needs ").append(agents(Math.max(1, night)));
        }
        List<HourPlan> open = hours.stream().filter(HourPlan::open).toList();
        if (open.isEmpty()) {
            return b.append("; the calendar has no working hours").toString();
        }
        int base = mode(open);
        b.append("; ").append(label).append(" needs ").append(agents(base));
        peaks(hours, base).stream().sorted((x, y) -> Integer.compare(y.need(), x.need())).limit(MAX_PEAKS)
                .sorted(java.util.Comparator.comparingInt(Peak::order)).forEach(p -> b.append(", ").append(p.text()));
        weekend(in, hours, b);
        return b.toString();
    }

    /** Days the calendar has closed with more than 5 % of the arrivals: how many agents they need at most. */
    private static void weekend(Input in, List<HourPlan> hours, StringBuilder b) {
        double total = Arrays.stream(in.meanArrivals()).sum();
        for (int d = 0; d < 7; d++) {
            int day = d;
            boolean closed = hours.subList(d * 24, d * 24 + 24).stream().noneMatch(HourPlan::open);
            double share = total == 0 ? 0 : Arrays.stream(in.meanArrivals(), d * 24, d * 24 + 24).sum() / total;
            if (closed && share >= NIGHT_SHIFT_THRESHOLD) {
                int need = hours.subList(day * 24, day * 24 + 24).stream().mapToInt(HourPlan::agents).max().orElse(0);
                b.append(String.format(Locale.ROOT, "; %s brings %.0f %% of requests but is closed: it needs %s to answer"
                                + " them the same day", DayOfWeek.of(d + 1).getDisplayName(java.time.format.TextStyle.FULL,
                                Locale.ENGLISH), share * 100, agents(need)));
            }
        }
    }

    /** The most common count over the open hours (the larger on a tie). */
    private static int mode(List<HourPlan> open) {
        Map<Integer, Integer> n = new HashMap<>();
        open.forEach(h -> n.merge(h.agents(), 1, Integer::sum));
        return n.entrySet().stream().max((x, y) -> x.getValue().equals(y.getValue())
                ? Integer.compare(x.getKey(), y.getKey()) : Integer.compare(x.getValue(), y.getValue())).orElseThrow().getKey();
    }

    /** Runs of open hours on one day that need more than the base, e.g. "Monday 09–12 needs 3". */
    private static List<Peak> peaks(List<HourPlan> hours, int base) {
        List<Peak> out = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            int start = -1;
            int max = 0;
            for (int h = 0; h <= 24; h++) {
                HourPlan p = h < 24 ? hours.get(d * 24 + h) : null;
                boolean peak = p != null && p.open() && p.agents() > base;
                if (peak && start < 0) {
                    start = h;
                }
                if (peak) {
                    max = Math.max(max, p.agents());
                } else if (start >= 0) {
                    out.add(new Peak(d * 24 + start, max, String.format(Locale.ROOT, "%s %02d–%02d needs %d",
                            DayOfWeek.of(d + 1).getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH), start, h,
                            max)));
                    start = -1;
                    max = 0;
                }
            }
        }
        return out;
    }

    /** "Mon–Fri 09–18" from the open hours. */
    static String calendarLabel(List<HourPlan> hours) {
        List<HourPlan> open = hours.stream().filter(HourPlan::open).toList();
        if (open.isEmpty()) {
            return "the calendar";
        }
        int firstDay = hours.indexOf(open.get(0)) / 24;
        int lastDay = hours.indexOf(open.get(open.size() - 1)) / 24;
        int from = open.stream().mapToInt(HourPlan::hour).min().orElse(0);
        int to = open.stream().mapToInt(HourPlan::hour).max().orElse(0) + 1;
        String days = firstDay == lastDay ? ArrivalsReport.dayName(firstDay)
                : ArrivalsReport.dayName(firstDay) + "–" + ArrivalsReport.dayName(lastDay);
        return String.format(Locale.ROOT, "%s %02d–%02d", days, from, to);
    }

    private static String agents(int n) {
        return n + (n == 1 ? " agent" : " agents");
    }
}
