package org.postdesk.reports;

import static org.postdesk.store.db.Tables.TICKET_FACT;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * {@code report arrivals}: new tickets by hour of the week in the calendar's zone (a heat map, Monday first),
 * the share that arrived outside business hours and at night (22:00–06:00), and the counts per weekday and
 * per month.
 */
public record ArrivalsReport(ReportFilter filter, String zone, List<List<Long>> byHourOfWeek, long total,
                             long outsideHours, long night, Double outsideShare, Double nightShare,
                             List<Long> byWeekday, Map<String, Long> byMonth) implements Report {
    public ArrivalsReport {
        byHourOfWeek = byHourOfWeek.stream().map(List::copyOf).toList();
        byWeekday = List.copyOf(byWeekday);
        byMonth = java.util.Collections.unmodifiableMap(new TreeMap<>(byMonth));
    }

    public static ArrivalsReport run(DSLContext dsl, WorkingTime working, ReportFilter f) {
        long[][] heat = new long[7][24];
        dsl.select(TICKET_FACT.CREATED_HOW, DSL.count()).from(TICKET_FACT).where(FactConditions.createdIn(f))
                .groupBy(TICKET_FACT.CREATED_HOW)
                .forEach(r -> heat[r.value1() / 24][r.value1() % 24] = r.value2());
        long outside = dsl.fetchCount(TICKET_FACT, FactConditions.createdIn(f).and(TICKET_FACT.CREATED_IN_HOURS.isFalse()));
        Map<String, Long> byMonth = new TreeMap<>();
        dsl.select(TICKET_FACT.CREATED_DAY, DSL.count()).from(TICKET_FACT).where(FactConditions.createdIn(f))
                .groupBy(TICKET_FACT.CREATED_DAY)
                .forEach(r -> byMonth.merge(r.value1().toString().substring(0, 7), (long) r.value2(), Long::sum));
        long total = 0;
        long night = 0;
        List<Long> weekday = new ArrayList<>();
        List<List<Long>> rows = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            long day = 0;
            for (int h = 0; h < 24; h++) {
                day += heat[d][h];
                night += isNight(h) ? heat[d][h] : 0;
            }
            total += day;
            weekday.add(day);
            rows.add(Arrays.stream(heat[d]).boxed().toList());
        }
        return new ArrivalsReport(f, working.zone().getId(), rows, total, outside, night,
                FactConditions.ratio(outside, total), FactConditions.ratio(night, total), weekday, byMonth);
    }

    /** 22:00–06:00. */
    static boolean isNight(int hour) {
        return hour >= 22 || hour < 6;
    }

    static String dayName(int index) {
        return DayOfWeek.of(index + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    @Override
    public Object data() {
        return this;
    }

    @Override
    public List<Chart> charts() {
        return List.of(Charts.heatMap(this));
    }

    @Override
    public List<ReportTable> tables() {
        String[] cols = new String[26];
        cols[0] = "day";
        for (int h = 0; h < 24; h++) {
            cols[h + 1] = String.format(Locale.ROOT, "%02d", h);
        }
        cols[25] = "total";
        ReportTable.Builder heat = new ReportTable.Builder("New tickets by hour of week (" + zone + ") "
                + ReportPeriods.describe(filter), cols);
        for (int d = 0; d < 7; d++) {
            Object[] cells = new Object[26];
            cells[0] = dayName(d);
            for (int h = 0; h < 24; h++) {
                cells[h + 1] = byHourOfWeek.get(d).get(h);
            }
            cells[25] = byWeekday.get(d);
            heat.row(cells);
        }
        heat.note(String.format(Locale.ROOT, "%d new tickets; %s outside business hours, %s at night (22:00-06:00)",
                total, TextFormat.cell(ReportTable.Share.of(outsideShare)), TextFormat.cell(ReportTable.Share.of(nightShare))));
        ReportTable.Builder months = new ReportTable.Builder("New tickets per month", "month", "tickets");
        byMonth.forEach(months::row);
        return List.of(heat.build(), months.build());
    }
}
