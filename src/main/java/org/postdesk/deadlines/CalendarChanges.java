package org.postdesk.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.postdesk.app.MailboxChanges;
import org.postdesk.app.RefusedException;
import org.postdesk.sla.DayOverride;
import org.postdesk.sla.ScopedPolicy;
import org.postdesk.sla.WeeklyHours;
import org.postdesk.store.CalendarRepository;
import org.postdesk.store.Database;
import org.postdesk.store.Mailbox;
import org.postdesk.store.MailboxRepository;
import org.postdesk.store.SlaPolicyRepository;

/**
 * The admin's changes of a mailbox's business hours, holidays and SLA policies ({@code postdesk hours set},
 * {@code holiday add|import|remove}, {@code sla set|remove}), each in the caller's transaction, which also marks
 * the mailbox's open tickets stale, so their due times are never left computed on the old calendar; then
 * {@link #recompute} replays them in short transactions of their own. It lives beside {@link SlaCatchUp}
 * (not in {@code app}, which {@code deadlines} itself uses: docs/ARCHITECTURE.md, "Packages").
 */
public final class CalendarChanges {
    /** What a change did: its mailbox, and how many open tickets it marked for a recompute. */
    public record Changed(Mailbox mailbox, int open) {
    }

    public Changed setHours(DSLContext tx, String mailbox, ZoneId zone, WeeklyHours hours, Instant now) {
        return change(tx, mailbox(tx, mailbox), now, m -> new CalendarRepository(tx).setHours(m.id(), zone, hours, now));
    }

    /** Adds or replaces days of the named mailbox, or of the only one when {@code mailboxOrNull} is null. */
    public Changed putDays(DSLContext tx, String mailboxOrNull, Collection<DayOverride> days, Instant now) {
        return change(tx, mailboxOrOnly(tx, mailboxOrNull), now, m -> new CalendarRepository(tx).putDays(m.id(), days));
    }

    public Changed removeDay(DSLContext tx, String mailboxOrNull, LocalDate day, Instant now) {
        return change(tx, mailboxOrOnly(tx, mailboxOrNull), now, m -> {
            if (!new CalendarRepository(tx).removeDay(m.id(), day)) {
                throw new RefusedException("mailbox " + m.name() + " has no holiday or exception on " + day
                        + " (see: postdesk holiday list --mailbox " + m.name() + ")");
            }
        });
    }

    public Changed putPolicy(DSLContext tx, String mailbox, ScopedPolicy policy, Instant now) {
        return change(tx, mailbox(tx, mailbox), now, m -> new SlaPolicyRepository(tx).put(m.id(), policy, now));
    }

    /** Removes the policy of one scope ({@code priority} upper case or null, {@code category} or null). */
    public Changed removePolicy(DSLContext tx, String mailbox, String priority, String category, Instant now) {
        return change(tx, mailbox(tx, mailbox), now, m -> {
            if (!new SlaPolicyRepository(tx).remove(m.id(), priority, category)) {
                throw new RefusedException("mailbox " + m.name() + " has no SLA policy for " + scope(priority, category)
                        + " (see: postdesk sla show " + m.name() + ")");
            }
        });
    }

    /**
     * Recomputes the due times of the tickets {@code changed} marked, in batches of their own transactions (never
     * one transaction over every ticket), up to {@link SlaCatchUp#COMMAND_LIMIT}; the rest stay marked and the
     * daemon's SLA sweeper recomputes them.
     */
    public SlaCatchUp.Drained recompute(Database db, Changed changed, Instant now) {
        return SlaCatchUp.drain(db, changed.mailbox().id(), now, SlaCatchUp.COMMAND_LIMIT);
    }

    public static Mailbox mailbox(DSLContext tx, String name) {
        return MailboxChanges.find(new MailboxRepository(tx), name);
    }

    /** The named mailbox, or the only one when {@code nameOrNull} is null. */
    public static Mailbox mailboxOrOnly(DSLContext tx, String nameOrNull) {
        if (nameOrNull != null) {
            return mailbox(tx, nameOrNull);
        }
        List<Mailbox> all = new MailboxRepository(tx).list();
        if (all.size() != 1) {
            throw new RefusedException("name the mailbox with --mailbox NAME (there are " + all.size()
                    + "; see: postdesk mailbox list)");
        }
        return all.get(0);
    }

    /** A policy's scope as shown: {@code default}, {@code priority urgent}, {@code category Billing}, or both. */
    public static String scope(String priority, String category) {
        if (priority == null && category == null) {
            return "default";
        }
        return (priority == null ? "" : "priority " + priority.toLowerCase(Locale.ROOT))
                + (priority != null && category != null ? ", " : "") + (category == null ? "" : "category " + category);
    }

    private static Changed change(DSLContext tx, Mailbox m, Instant now, Consumer<Mailbox> change) {
        change.accept(m);
        return new Changed(m, SlaCatchUp.markStale(tx, m.id(), now));
    }
}
