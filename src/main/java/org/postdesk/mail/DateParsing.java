package org.postdesk.mail;

import jakarta.mail.internet.MailDateFormat;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Date header parsing (RFC 5322 §3.3 and the obsolete forms real mail still uses). */
final class DateParsing {

    /** Dates before this are a broken clock or garbage, not a sending time. */
    private static final Instant EARLIEST = Instant.parse("1980-01-01T00:00:00Z");
    private static final Pattern DAY = Pattern.compile("^(?:[A-Za-z]+,?\\s*)?(\\d{1,2})\\s");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

    private DateParsing() {
    }

    static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.replaceAll("\\([^)]*\\)", " ").strip().replaceAll("\\s+", " ");
        return strict(text).or(() -> lenient(text)).filter(i -> i.isAfter(EARLIEST));
    }

    private static Optional<Instant> strict(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    // MailDateFormat in lenient mode knows the obsolete zone names (EST, UT) and two-digit years, but it
    // also rolls "32 Mar" over into April: hence the range check first. A new instance per call because
    // it is not thread-safe.
    private static Optional<Instant> lenient(String text) {
        if (!inRange(text)) {
            return Optional.empty();
        }
        try {
            MailDateFormat format = new MailDateFormat();
            Date date = format.parse(text, new ParsePosition(0));
            return Optional.ofNullable(date).map(Date::toInstant);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean inRange(String text) {
        Matcher day = DAY.matcher(text);
        Matcher time = TIME.matcher(text);
        if (!day.find() || !time.find()) {
            return false;
        }
        int seconds = time.group(3) == null ? 0 : Integer.parseInt(time.group(3));
        return between(day.group(1), 1, 31) && between(time.group(1), 0, 23) && between(time.group(2), 0, 59)
                && seconds <= 60;
    }

    private static boolean between(String number, int min, int max) {
        int value = Integer.parseInt(number);
        return value >= min && value <= max;
    }
}
