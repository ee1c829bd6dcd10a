package org.postdesk.reports;

import static org.postdesk.store.db.Tables.AGENT;
import static org.postdesk.store.db.Tables.MAILBOX;
import static org.postdesk.store.db.Tables.TICKET_FACT;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;

/**
 * Splits a filter into one filter per group: calendar periods in the report's zone, or one value of a
 * dimension each. Each group is then a report of its own, so medians stay exact (they cannot be summed).
 */
public final class Groups {
    private static final List<String> PRIORITIES = List.of("LOW", "NORMAL", "HIGH", "URGENT");
    private final DSLContext dsl;
    private final ZoneId zone;

    public Groups(DSLContext dsl, ZoneId zone) {
        this.dsl = dsl;
        this.zone = zone;
    }

    /** A labelled part of the report. */
    public record Group(String label, ReportFilter filter) {
    }

    public List<Group> split(ReportFilter f, Grouping by) {
        switch (by) {
            case DAY:
            case WEEK:
            case MONTH:
                return periods(f, by);
            case AGENT:
                return dsl.select(AGENT.ID, AGENT.NAME).from(AGENT).orderBy(AGENT.NAME)
                        .fetch(r -> new Group(r.value2(), f.withAgent(r.value1())));
            case MAILBOX:
                return dsl.select(MAILBOX.ID, MAILBOX.NAME).from(MAILBOX).orderBy(MAILBOX.NAME)
                        .fetch(r -> new Group(r.value2(), f.withMailbox(r.value1())));
            case PRIORITY:
                return PRIORITIES.stream().map(p -> new Group(p.toLowerCase(java.util.Locale.ROOT), f.withPriority(p)))
                        .toList();
            case CATEGORY:
                return categories(f);
            default:
                throw new IllegalArgumentException("unknown grouping " + by);
        }
    }

    private List<Group> categories(ReportFilter f) {
        List<Group> groups = new ArrayList<>();
        dsl.selectDistinct(TICKET_FACT.CATEGORY).from(TICKET_FACT)
                .where(FactConditions.createdIn(f).or(FactConditions.closedIn(f))).orderBy(TICKET_FACT.CATEGORY)
                .fetch(TICKET_FACT.CATEGORY)
                .forEach(c -> groups.add(c == null ? new Group("(none)", f.withCategory("")) : new Group(c, f.withCategory(c))));
        return groups;
    }

    private List<Group> periods(ReportFilter f, Grouping by) {
        List<Group> groups = new ArrayList<>();
        LocalDate start = start(f.from().atZone(zone).toLocalDate(), by);
        for (LocalDate d = start; d.atStartOfDay(zone).toInstant().isBefore(f.to()); d = next(d, by)) {
            Instant a = max(d.atStartOfDay(zone).toInstant(), f.from());
            Instant b = min(next(d, by).atStartOfDay(zone).toInstant(), f.to());
            groups.add(new Group(by == Grouping.MONTH ? d.toString().substring(0, 7) : d.toString(), f.withPeriod(a, b)));
        }
        return groups;
    }

    private static LocalDate start(LocalDate d, Grouping by) {
        if (by == Grouping.WEEK) {
            return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        return by == Grouping.MONTH ? d.withDayOfMonth(1) : d;
    }

    private static LocalDate next(LocalDate d, Grouping by) {
        return by == Grouping.DAY ? d.plusDays(1) : by == Grouping.WEEK ? d.plusWeeks(1) : d.plusMonths(1);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
