package org.postdesk.outbound;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Instants and business durations as customers and agents read them, in their language and the
 * calendar's zone: "Monday 2 March at 09:00 (Europe/Kyiv)", "понеділок, 2 березня о 09:00 (Europe/Kyiv)".
 * The JDK's CLDR data gives the day and month names (genitive months in Russian and Ukrainian).
 */
public final class BusinessTimeText {
    private static final Map<String, String> PATTERNS = Map.of(
            "en", "EEEE d MMMM 'at' HH:mm",
            "ru", "EEEE, d MMMM 'в' HH:mm",
            "uk", "EEEE, d MMMM 'о' HH:mm");

    private BusinessTimeText() {
    }

    public static String when(Instant at, ZoneId zone, String locale) {
        String lang = PATTERNS.containsKey(locale) ? locale : "en";
        DateTimeFormatter f = DateTimeFormatter.ofPattern(PATTERNS.get(lang), Locale.forLanguageTag(lang));
        return f.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }

    /** A business duration as {@code 2 h 30 min}, {@code 45 min}; negative ones with a minus sign. */
    public static String duration(Duration d) {
        long minutes = Math.abs(d.toMinutes());
        String sign = d.isNegative() ? "-" : "";
        if (minutes < 60) {
            return sign + minutes + " min";
        }
        return sign + minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }
}
