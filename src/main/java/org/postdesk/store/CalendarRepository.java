package org.postdesk.store;

import static org.postdesk.store.Timestamps.toDb;
import static org.postdesk.store.db.Tables.BUSINESS_CALENDAR;
import static org.postdesk.store.db.Tables.CALENDAR_DAY;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.postdesk.sla.BusinessCalendar;
import org.postdesk.sla.DayOverride;
import org.postdesk.sla.TimeRange;
import org.postdesk.sla.WeeklyHours;
import org.postdesk.store.db.tables.records.BusinessCalendarRecord;
import org.postdesk.store.db.tables.records.CalendarDayRecord;

/** A mailbox's business calendar: weekly hours and zone, holidays and exceptions. */
public final class CalendarRepository {
    private final DSLContext dsl;

    public CalendarRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The weekly hours and zone as stored. */
    public record Hours(ZoneId zone, WeeklyHours weekly, Instant updatedAt) {
    }

    // hours and days answer from the daemon's ConfigCache while config_generation stands (issue 16): every
    // acknowledgement asks whether the mailbox is open.
    public Optional<Hours> hours(long mailboxId) {
        ConfigSnapshot s = ConfigCache.current(dsl);
        if (s != null) {
            return Optional.ofNullable(s.hours().get(mailboxId));
        }
        return dsl.selectFrom(BUSINESS_CALENDAR).where(BUSINESS_CALENDAR.MAILBOX_ID.eq(mailboxId)).fetchOptional()
                .map(CalendarRepository::toHours);
    }

    static Hours toHours(BusinessCalendarRecord r) {
        return new Hours(ZoneId.of(r.getZone()), WeeklyHours.parse(r.getWeekly()), Timestamps.fromDb(r.getUpdatedAt()));
    }

    /** The mailbox's calendar; empty when it has no weekly hours (open around the clock). */
    public Optional<BusinessCalendar> calendar(long mailboxId) {
        ConfigSnapshot s = ConfigCache.current(dsl);
        BusinessCalendar built = s == null ? null : s.calendars().get(mailboxId);
        if (built != null) {
            return Optional.of(built);
        }
        return hours(mailboxId).map(h -> new BusinessCalendar(h.zone(), h.weekly(), days(mailboxId)));
    }

    /** The calendar, or open around the clock (UTC) when the mailbox has none. */
    public BusinessCalendar calendarOrAlways(long mailboxId) {
        return calendar(mailboxId).orElseGet(BusinessCalendar::always);
    }

    public void setHours(long mailboxId, ZoneId zone, WeeklyHours weekly, Instant now) {
        clearHours(mailboxId);
        dsl.insertInto(BUSINESS_CALENDAR).set(BUSINESS_CALENDAR.MAILBOX_ID, mailboxId)
                .set(BUSINESS_CALENDAR.ZONE, zone.getId()).set(BUSINESS_CALENDAR.WEEKLY, weekly.toString())
                .set(BUSINESS_CALENDAR.UPDATED_AT, toDb(now)).execute();
    }

    /** @return false when the mailbox had no hours */
    public boolean clearHours(long mailboxId) {
        return dsl.deleteFrom(BUSINESS_CALENDAR).where(BUSINESS_CALENDAR.MAILBOX_ID.eq(mailboxId)).execute() == 1;
    }

    public List<DayOverride> days(long mailboxId) {
        ConfigSnapshot s = ConfigCache.current(dsl);
        if (s != null) {
            return s.days().getOrDefault(mailboxId, List.of());
        }
        return dsl.selectFrom(CALENDAR_DAY).where(CALENDAR_DAY.MAILBOX_ID.eq(mailboxId)).orderBy(CALENDAR_DAY.ON_DATE)
                .fetch(CalendarRepository::toDay);
    }

    /** Stores the days, replacing any exception already on the same dates. */
    public void putDays(long mailboxId, Collection<DayOverride> days) {
        for (DayOverride d : days) {
            String hours = d.hours().isEmpty() ? null
                    : String.join(",", d.hours().stream().map(TimeRange::toString).toList());
            dsl.deleteFrom(CALENDAR_DAY).where(CALENDAR_DAY.MAILBOX_ID.eq(mailboxId), CALENDAR_DAY.ON_DATE.eq(d.date()))
                    .execute();
            dsl.insertInto(CALENDAR_DAY).set(CALENDAR_DAY.MAILBOX_ID, mailboxId).set(CALENDAR_DAY.ON_DATE, d.date())
                    .set(CALENDAR_DAY.KIND, d.kind().name()).set(CALENDAR_DAY.NAME, d.name())
                    .set(CALENDAR_DAY.HOURS, hours).execute();
        }
    }

    /** @return false when there was no exception on that date */
    public boolean removeDay(long mailboxId, LocalDate date) {
        return dsl.deleteFrom(CALENDAR_DAY).where(CALENDAR_DAY.MAILBOX_ID.eq(mailboxId), CALENDAR_DAY.ON_DATE.eq(date))
                .execute() == 1;
    }

    static DayOverride toDay(CalendarDayRecord r) {
        List<TimeRange> hours = r.getHours() == null ? List.of()
                : Arrays.stream(r.getHours().split(",")).map(TimeRange::parse).toList();
        return new DayOverride(r.getOnDate(), DayOverride.Kind.valueOf(r.getKind()), r.getName(), hours);
    }
}
