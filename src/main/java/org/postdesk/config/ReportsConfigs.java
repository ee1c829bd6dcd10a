package org.postdesk.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads and checks the {@code report.*} and {@code csat.*} keys. */
final class ReportsConfigs {
    private static final String HOURS = "(?i)(mon|tue|wed|thu|fri|sat|sun)(\\s*-\\s*(mon|tue|wed|thu|fri|sat|sun))?"
            + "\\s+([01]\\d|2[0-3]):[0-5]\\d\\s*-\\s*([01]\\d|2[0-4]):[0-5]\\d";

    private ReportsConfigs() {
    }

    static ReportsConfig read(ConfigSource s) {
        return new ReportsConfig(zone(s), s.matching("report.business-hours", HOURS,
                "days and hours such as 'Mon-Fri 09:00-18:00'"), holidays(s), s.duration("report.first-response-target"),
                s.duration("report.resolution-target"), (int) s.number("report.minutes-per-reply", 1, 480),
                handlingTime(s), (int) s.number("report.shrinkage-percent", 0, 90),
                (int) s.number("report.service-level-percent", 1, 99), s.duration("csat.min-interval"));
    }

    /** Empty means "measure it from the replies" (zero). */
    private static Duration handlingTime(ConfigSource s) {
        return s.value("report.handling-time").text().isBlank() ? Duration.ZERO : s.duration("report.handling-time");
    }

    private static ZoneId zone(ConfigSource s) {
        ConfigValue v = s.value("report.time-zone");
        try {
            return ZoneId.of(v.text().trim());
        } catch (DateTimeException e) {
            throw ConfigException.invalid(v, "a time zone such as UTC or Europe/Kyiv");
        }
    }

    private static List<LocalDate> holidays(ConfigSource s) {
        ConfigValue v = s.value("report.holidays");
        List<LocalDate> days = new ArrayList<>();
        for (String part : v.text().split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                days.add(LocalDate.parse(part.trim()));
            } catch (DateTimeParseException e) {
                throw ConfigException.invalid(v, "comma-separated dates such as 2026-12-25,2027-01-01");
            }
        }
        return days;
    }
}
