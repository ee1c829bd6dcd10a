package org.postdesk.cli;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.postdesk.deadlines.CalendarChanges;
import org.postdesk.deadlines.SlaCatchUp;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import picocli.CommandLine.Model.CommandSpec;

/** What the business-hours, holiday and SLA commands share: finding the mailbox, parsing, recomputing. */
final class SlaCli {
    private static final Pattern BUSINESS = Pattern.compile("(?:(\\d{1,5})h)?\\s*(?:(\\d{1,6})m(?:in)?)?");

    private SlaCli() {
    }

    static Mailbox mailbox(DSLContext dsl, String name) {
        return CalendarChanges.mailbox(dsl, name);
    }

    /** The named mailbox, or the only one when {@code nameOrNull} is null. */
    static Mailbox mailboxOrOnly(DSLContext dsl, String nameOrNull) {
        return CalendarChanges.mailboxOrOnly(dsl, nameOrNull);
    }

    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new UsageException("--zone " + text + " is not a time zone: use an IANA name such as Europe/Kyiv,"
                    + " America/New_York or UTC");
        }
    }

    /** Business time in hours and minutes ({@code 4h}, {@code 30m}, {@code 1h30m}). */
    static Duration businessTime(String option, String text) {
        Matcher m = BUSINESS.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (text.isBlank() || !m.matches() || (m.group(1) == null && m.group(2) == null)) {
            throw new UsageException(option + " " + text + " is not business time: write hours and minutes such as"
                    + " 4h, 30m or 1h30m (a business day depends on the calendar, so days are not accepted)");
        }
        Duration d = Duration.ofHours(m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
                .plusMinutes(m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
        if (d.isZero()) {
            throw new UsageException(option + " " + text + " is zero: give a positive business time");
        }
        return d;
    }

    /** One call of a {@link CalendarChanges} use case. */
    @FunctionalInterface
    interface Change {
        CalendarChanges.Changed run(CalendarChanges changes, DSLContext tx);
    }

    /**
     * Runs {@code change} in one transaction (which marks the mailbox's open tickets stale), has their due times
     * recomputed ({@link CalendarChanges#recompute}), and prints {@code line} of the mailbox and what was recomputed.
     */
    static void changeAndRecompute(CommandSpec spec, Instant now, Change change, Function<Mailbox, String> line) {
        Database db = PostdeskCommand.context(spec).database();
        CalendarChanges changes = new CalendarChanges();
        CalendarChanges.Changed c = db.inTransaction(tx -> change.run(changes, tx));
        SlaCatchUp.Drained d = changes.recompute(db, c, now);
        String left = d.left() == 0 ? "" : ", " + d.left() + " more are marked and the daemon's SLA sweeper recomputes"
                + " them within minutes";
        spec.commandLine().getOut().println(line.apply(c.mailbox()) + "; due times of " + d.recomputed() + " of "
                + c.open() + " open ticket(s) recomputed" + left);
    }

    /** Runs {@code work}, turning a refused value of the domain into a usage error (exit 2, nothing stored). */
    static <T> T refusing(Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
