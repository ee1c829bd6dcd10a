package org.postdesk.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The ECharts option trees of the report's charts, built from the report records. */
final class Charts {
    private static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    private Charts() {
    }

    /** Median first response and resolution (hours, calendar and business) per period group. */
    static Chart times(SummaryReport r) {
        List<String> x = r.groups().stream().map(Summary::group).toList();
        return new Chart("First response and resolution over time (median, hours)", Map.of(
                "tooltip", Map.of("trigger", "axis"), "legend", Map.of("top", 0),
                "grid", grid(), "xAxis", Map.of("type", "category", "data", x),
                "yAxis", Map.of("type", "value", "name", "hours"),
                "series", List.of(
                        line("first response", hours(r, true, false)), line("first response (business)", hours(r, true, true)),
                        line("resolution", hours(r, false, false)), line("resolution (business)", hours(r, false, true)))));
    }

    private static List<Double> hours(SummaryReport r, boolean frt, boolean business) {
        List<Double> v = new ArrayList<>();
        for (Summary s : r.groups()) {
            Percentiles p = frt ? s.firstResponse() : s.resolution();
            Double sec = business ? p.businessMedian() : p.median();
            v.add(sec == null ? null : Math.round(sec / 36.0) / 100.0);
        }
        return v;
    }

    /** Share of tickets within each SLA target, per period group. */
    static Chart sla(SummaryReport r) {
        List<String> x = r.groups().stream().map(Summary::group).toList();
        List<Map<String, Object>> series = new ArrayList<>();
        for (int i = 0; i < r.total().sla().size(); i++) {
            int k = i;
            List<Double> v = r.groups().stream().map(s -> s.sla().get(k).share() == null ? null
                    : Math.round(s.sla().get(k).share() * 1000) / 10.0).toList();
            series.add(bar(r.total().sla().get(i).target() + " within " + TextFormat.duration(
                    r.total().sla().get(i).within().toSeconds()), v));
        }
        return new Chart("SLA attainment (% of tickets within target, business time)", Map.of(
                "tooltip", Map.of("trigger", "axis"), "legend", Map.of("top", 0), "grid", grid(),
                "xAxis", Map.of("type", "category", "data", x), "yAxis", Map.of("type", "value", "max", 100, "name", "%"),
                "series", series));
    }

    static Chart heatMap(ArrivalsReport a) {
        List<List<Object>> cells = new ArrayList<>();
        long max = 1;
        for (int d = 0; d < 7; d++) {
            for (int h = 0; h < 24; h++) {
                long n = a.byHourOfWeek().get(d).get(h);
                max = Math.max(max, n);
                cells.add(List.of(h, d, n));
            }
        }
        List<String> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            hours.add(String.format("%02d", h));
        }
        return new Chart("New tickets by hour of week (" + a.zone() + ")", Map.of(
                "tooltip", Map.of("position", "top"), "grid", Map.of("left", 50, "right", 20, "top", 10, "bottom", 80),
                "xAxis", Map.of("type", "category", "data", hours, "splitArea", Map.of("show", true)),
                "yAxis", Map.of("type", "category", "data", DAYS, "inverse", true, "splitArea", Map.of("show", true)),
                "visualMap", Map.of("min", 0, "max", max, "calculable", true, "orient", "horizontal", "left", "center",
                        "bottom", 0),
                "series", List.of(Map.of("name", "new tickets", "type", "heatmap", "data", cells,
                        "label", Map.of("show", true)))));
    }

    static Chart agentLoad(AgentsReport r) {
        List<String> x = r.agents().stream().map(AgentRow::agent).toList();
        return new Chart("Load per agent", Map.of(
                "tooltip", Map.of("trigger", "axis"), "legend", Map.of("top", 0), "grid", grid(),
                "xAxis", Map.of("type", "category", "data", x), "yAxis", Map.of("type", "value"),
                "series", List.of(bar("replies sent", r.agents().stream().map(AgentRow::repliesSent).toList()),
                        bar("tickets closed", r.agents().stream().map(AgentRow::ticketsClosed).toList()),
                        bar("open now", r.agents().stream().map(AgentRow::openNow).toList()))));
    }

    static Chart satisfaction(Satisfaction s) {
        long bad = s.rated() - s.good();
        return new Chart(String.format("Satisfaction: %d surveys sent, %d answered", s.sent(), s.rated()), Map.of(
                "tooltip", Map.of("trigger", "item"), "legend", Map.of("top", 0),
                "series", List.of(Map.of("type", "pie", "radius", List.of("40%", "70%"), "label", Map.of("formatter", "{b}: {c}"),
                        "data", List.of(slice("good", s.good(), "#3ba272"), slice("bad", bad, "#ee6666"),
                                slice("no answer", s.sent() - s.rated(), "#bbbbbb"))))));
    }

    /** Agents needed per hour of week against what the calendar staffs (its agent count in open hours). */
    static Chart staffing(StaffingReport r) {
        List<String> x = new ArrayList<>();
        List<Integer> needed = new ArrayList<>();
        List<Integer> calendar = new ArrayList<>();
        for (HourPlan h : r.plan().hours()) {
            x.add(h.day() + " " + String.format("%02d", h.hour()));
            needed.add(h.agents());
            calendar.add(h.open() ? r.plan().calendarAgents() : 0);
        }
        Map<String, Object> need = new LinkedHashMap<>(line("agents needed (Erlang C)", needed));
        need.put("step", "middle");
        need.put("showSymbol", false);
        Map<String, Object> cal = new LinkedHashMap<>(line("current calendar", calendar));
        cal.put("step", "middle");
        cal.put("showSymbol", false);
        cal.put("areaStyle", Map.of("opacity", 0.15));
        return new Chart("Staffing: agents needed per hour of week vs the calendar", Map.of(
                "tooltip", Map.of("trigger", "axis"), "legend", Map.of("top", 0), "grid", grid(),
                "xAxis", Map.of("type", "category", "data", x, "axisLabel", Map.of("interval", 23)),
                "yAxis", Map.of("type", "value", "minInterval", 1, "name", "agents"),
                "series", List.of(need, cal)));
    }

    private static Map<String, Object> slice(String name, long value, String color) {
        return Map.of("name", name, "value", value, "itemStyle", Map.of("color", color));
    }

    private static Map<String, Object> grid() {
        return Map.of("left", 60, "right", 30, "top", 40, "bottom", 40);
    }

    private static Map<String, Object> line(String name, List<?> data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("type", "line");
        m.put("connectNulls", true);
        m.put("data", data);
        return m;
    }

    private static Map<String, Object> bar(String name, List<?> data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("type", "bar");
        m.put("data", data);
        return m;
    }
}
