package org.postdesk.daemon;

import static org.postdesk.store.db.Tables.SURVEY;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jooq.DSLContext;
import org.postdesk.store.Database;
import org.postdesk.store.HistoryWriter;
import org.postdesk.tickets.TicketStatus;

/**
 * A few weeks of realistic help-desk history for the sandbox's reports: two mailboxes, four agents, arrivals
 * that peak on weekday mornings and are rare at night, categories whose subjects repeat (so repeated problems
 * show), first replies that wait for the next working morning, pending pauses, follow-ups, reopens, spam, a
 * merge, and answered surveys. Deterministic for a given seed.
 */
public final class DemoData {
    private static final ZoneId ZONE = ZoneOffset.UTC;
    /** Relative arrival rate per hour of a weekday: quiet nights, a morning peak, a dip at lunch. */
    private static final double[] WEEKDAY = {0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.2, 2.5, 4.0, 4.5, 4.0, 2.5, 3.0,
        3.2, 3.0, 2.6, 2.0, 1.2, 0.8, 0.6, 0.5, 0.3, 0.2};
    private static final String[][] CATEGORIES = {
        {"printing", "Printer on floor 3 jammed", "Printer jammed again", "Cannot print to the office printer",
            "Printer offline after update"},
        {"vpn", "VPN does not connect", "VPN connection drops every hour", "Cannot connect to VPN from home"},
        {"password", "Password reset please", "Locked out of my account", "Password expired, cannot log in"},
        {"email", "Mail not syncing on phone", "Outlook keeps asking for password", "Mailbox full"},
        {"billing", "Invoice amount wrong", "Charged twice this month", "Need a copy of my invoice"},
        {"hardware", "Laptop battery swollen", "Monitor flickers", "Keyboard missing keys"}};
    private static final String[] AGENTS = {"Alice Agent", "Bob Agent", "Carol Chen", "Dan Dietrich"};

    private final Random random;
    private final int weeks;
    private final double ticketsPerWeekday;

    public DemoData(long seed, int weeks, double ticketsPerWeekday) {
        this.random = new Random(seed);
        this.weeks = weeks;
        this.ticketsPerWeekday = ticketsPerWeekday;
    }

    /** What was written. */
    public record Written(int tickets, LocalDate from, LocalDate to) {
    }

    /** Writes the history ending {@code today} into a store with no tickets yet. */
    public Written write(Database db, LocalDate today) {
        return db.inTransaction(tx -> {
            HistoryWriter w = new HistoryWriter(tx);
            long support = w.mailbox("support", "support@postdesk.test");
            long billing = w.mailbox("billing", "billing@postdesk.test");
            List<Long> agents = new ArrayList<>();
            List<String> addresses = new ArrayList<>();
            for (String name : AGENTS) {
                String address = name.substring(0, name.indexOf(' ')).toLowerCase(java.util.Locale.ROOT) + "@postdesk.test";
                agents.add(w.agent(name, address, support));
                addresses.add(address);
            }
            LocalDate from = today.minusWeeks(weeks);
            int n = 0;
            for (LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
                for (int h = 0; h < 24; h++) {
                    int arrivals = poisson(rate(d, h));
                    for (int k = 0; k < arrivals; k++) {
                        Instant at = ZonedDateTime.of(d, java.time.LocalTime.of(h, random.nextInt(60)), ZONE).toInstant();
                        ticket(tx, w, at, today, support, billing, agents, addresses);
                        n++;
                    }
                }
            }
            return new Written(n, from, today);
        });
    }

    private double rate(LocalDate d, int hour) {
        double total = java.util.Arrays.stream(WEEKDAY).sum();
        double weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.15 : 1.0;
        double monday = d.getDayOfWeek() == DayOfWeek.MONDAY ? 1.4 : 1.0;
        return ticketsPerWeekday * WEEKDAY[hour] / total * weekend * monday;
    }

    private void ticket(DSLContext tx, HistoryWriter w, Instant at, LocalDate today, long support, long billing,
                        List<Long> agents, List<String> addresses) {
        String[] cat = CATEGORIES[random.nextInt(CATEGORIES.length)];
        boolean isBilling = cat[0].equals("billing");
        String customer = "customer" + (1 + random.nextInt(180)) + "@example.test";
        String subject = cat[1 + random.nextInt(cat.length - 1)];
        long id = w.open(isBilling ? billing : support, customer, subject, at);
        w.categorise(id, random.nextInt(10) < 8 ? cat[0] : null, priority());
        Instant now = today.plusDays(1).atStartOfDay(ZONE).toInstant();
        if (random.nextInt(100) < 3) {
            w.status(id, TicketStatus.NEW, TicketStatus.SPAM, addresses.get(0), at.plus(Duration.ofHours(2)));
            return;
        }
        int agent = random.nextInt(agents.size());
        Instant reply = nextWorkingMoment(at).plus(minutes(90));
        if (reply.isAfter(now)) {
            return;
        }
        w.own(id, agents.get(agent), reply);
        TicketStatus status = TicketStatus.NEW;
        if (random.nextInt(100) < 8) {
            Instant pending = at.plus(Duration.ofMinutes(20));
            w.status(id, status, TicketStatus.PENDING, addresses.get(agent), pending);
            w.customerMail(id, customer, "Re: " + subject, reply.minus(Duration.ofMinutes(10)));
            w.status(id, TicketStatus.PENDING, TicketStatus.OPEN, customer, reply.minus(Duration.ofMinutes(10)));
            status = TicketStatus.OPEN;
        }
        int replies = 1 + (random.nextInt(100) < 30 ? 1 + random.nextInt(2) : 0);
        Instant t = reply;
        for (int r = 0; r < replies && t.isBefore(now); r++) {
            if (r > 0) {
                w.customerMail(id, customer, "Re: " + subject, t);
                w.status(id, TicketStatus.PENDING, TicketStatus.OPEN, customer, t);
                status = TicketStatus.OPEN;
                t = nextWorkingMoment(t).plus(minutes(60));
            }
            w.reply(id, agents.get(agent), addresses.get(agent), t);
            w.status(id, status, TicketStatus.PENDING, addresses.get(agent), t);
            status = TicketStatus.PENDING;
            t = t.plus(minutes(240));
        }
        if (t.isAfter(now) || random.nextInt(100) < 10) {
            return;
        }
        w.status(id, status, TicketStatus.CLOSED, addresses.get(agent), t);
        if (random.nextInt(100) < 5 && t.plus(Duration.ofDays(1)).isBefore(now)) {
            Instant reopen = t.plus(Duration.ofHours(20));
            w.customerMail(id, customer, "Re: " + subject, reopen);
            w.status(id, TicketStatus.CLOSED, TicketStatus.OPEN, customer, reopen);
            w.reply(id, agents.get(agent), addresses.get(agent), reopen.plus(minutes(60)));
            t = reopen.plus(Duration.ofHours(2));
            w.status(id, TicketStatus.OPEN, TicketStatus.CLOSED, addresses.get(agent), t);
        }
        survey(tx, id, isBilling ? billing : support, customer, t);
    }

    private void survey(DSLContext tx, long ticket, long mailbox, String customer, Instant sent) {
        if (random.nextInt(100) >= 70) {
            return;
        }
        boolean answered = random.nextInt(100) < 45;
        int rating = random.nextInt(100) < 82 ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
        tx.insertInto(SURVEY).set(SURVEY.TICKET_ID, ticket).set(SURVEY.MAILBOX_ID, mailbox).set(SURVEY.CUSTOMER, customer)
                .set(SURVEY.SCALE, "5").set(SURVEY.SENT_AT, sent.atOffset(ZoneOffset.UTC))
                .set(SURVEY.RATING, answered ? rating : null).set(SURVEY.GOOD, answered ? rating >= 4 : null)
                .set(SURVEY.RATED_AT, answered ? sent.plus(Duration.ofHours(3)).atOffset(ZoneOffset.UTC) : null)
                .onConflictDoNothing().execute();
    }

    private String priority() {
        int p = random.nextInt(100);
        return p < 10 ? "LOW" : p < 75 ? "NORMAL" : p < 95 ? "HIGH" : "URGENT";
    }

    /** {@code at} when it is in Mon–Fri 09–18, else the next 09:00 of a weekday. */
    private static Instant nextWorkingMoment(Instant at) {
        ZonedDateTime z = at.atZone(ZONE);
        while (z.getDayOfWeek().getValue() > 5 || z.getHour() >= 18 || z.getHour() < 9) {
            z = z.getHour() < 9 && z.getDayOfWeek().getValue() <= 5 ? z.withHour(9).withMinute(0)
                    : z.plusDays(1).withHour(9).withMinute(0);
        }
        return z.toInstant();
    }

    /** An exponentially distributed number of minutes with this mean. */
    private Duration minutes(double mean) {
        return Duration.ofMinutes(1 + (long) (-mean * Math.log(1 - random.nextDouble())));
    }

    private int poisson(double mean) {
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
