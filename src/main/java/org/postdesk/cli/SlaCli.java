package org.postdesk.cli;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.postdesk.app.MailboxChanges;
import org.postdesk.deadlines.SlaCatchUp;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import picocli.CommandLine.Model.CommandSpec;

/** What the business-hours, holiday and SLA commands share: finding the mailbox, parsing, recomputing. */
final class SlaCli {
    private static final Pattern BUSINESS = Pattern.compile("(?:(\\d{1,5})h)?\\s*(?:(\\d{1,6})m(?:in)?)?");

    private SlaCli() {
    }

    static Mailbox mailbox(DSLContext dsl, String name) {
        return MailboxChanges.find(new MailboxRepository(dsl), name);
    }

    /** The named mailbox, or the only one when {@code nameOrNull} is null. */
    static Mailbox mailboxOrOnly(DSLContext dsl, String nameOrNull) {
        if (nameOrNull != null) {
            return mailbox(dsl, nameOrNull);
        }
        List<Mailbox> all = new MailboxRepository(dsl).list();
        if (all.size() != 1) {
            throw new UsageException("name the mailbox with --mailbox NAME (there are " + all.size()
                    + "; see: postdesk mailbox list)");
        }
        return all.get(0);
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

    /** What a calendar or policy change did, for its mailbox: the line the command prints. */
    record Changed(long mailboxId, String line) {
    }

    /**
     * Runs {@code change} in one transaction that also marks the mailbox's open tickets stale, then recomputes
     * their due times in bounded batches, each its own transaction (never one transaction over every ticket),
     * up to {@link SlaCatchUp#COMMAND_LIMIT}; the rest stay marked and the daemon's SLA sweeper recomputes them.
     * Prints the change's line and what was recomputed.
     */
    static void changeAndRecompute(CommandSpec spec, Instant now, Function<DSLContext, Changed> change) {
        Database db = PostdeskCommand.context(spec).database();
        int[] open = new int[1];
        Changed c = db.inTransaction(tx -> {
            Changed done = change.apply(tx);
            open[0] = SlaCatchUp.markStale(tx, done.mailboxId(), now);
            return done;
        });
        SlaCatchUp.Drained d = SlaCatchUp.drain(db, c.mailboxId(), now, SlaCatchUp.COMMAND_LIMIT);
        String left = d.left() == 0 ? "" : ", " + d.left() + " more are marked and the daemon's SLA sweeper recomputes"
                + " them within minutes";
        spec.commandLine().getOut().println(c.line() + "; due times of " + d.recomputed() + " of " + open[0]
                + " open ticket(s) recomputed" + left);
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
