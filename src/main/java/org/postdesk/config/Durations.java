package org.postdesk.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the short forms people write in config files (30s, 5m, 4h, 14d, 500ms) and ISO-8601. */
final class Durations {
    static final String ALLOWED = "a positive duration such as 500ms, 30s, 5m, 4h, 14d or PT30S";
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    private Durations() {
    }

    static Duration parse(ConfigValue value) {
        Duration d = parseOrNull(value.text().trim().toLowerCase(Locale.ROOT));
        if (d == null || d.isZero() || d.isNegative()) {
            throw ConfigException.invalid(value, ALLOWED);
        }
        return d;
    }

    /** {@link #parse}, where {@code 0} (or {@code 0s}, {@code 0ms}) is also allowed: "not at all". */
    static Duration parseZeroOrMore(ConfigValue value) {
        String text = value.text().trim().toLowerCase(Locale.ROOT);
        Duration d = text.equals("0") ? Duration.ZERO : parseOrNull(text);
        if (d == null || d.isNegative()) {
            throw ConfigException.invalid(value, "0 or " + ALLOWED);
        }
        return d;
    }

    private static Duration parseOrNull(String text) {
        Matcher m = SHORT.matcher(text);
        if (m.matches()) {
            return shortForm(Long.parseLong(m.group(1)), m.group(2));
        }
        if (text.startsWith("p")) {
            try {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static Duration shortForm(long n, String unit) {
        switch (unit) {
            case "ms": return Duration.ofMillis(n);
            case "s": return Duration.ofSeconds(n);
            case "m": return Duration.ofMinutes(n);
            case "h": return Duration.ofHours(n);
            default: return Duration.ofDays(n);
        }
    }
}
