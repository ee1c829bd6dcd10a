package org.postdesk.reports;

import static org.postdesk.store.db.Tables.TICKET;
import static org.postdesk.store.db.Tables.TICKET_FACT;
import static org.postdesk.store.db.Tables.TICKET_LINK;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/**
 * {@code report problems}: repeated problems — tickets from at least two customers within {@code window} of
 * each other that share a category, or whose subjects are similar ({@link SimilarSubjects}) or that were
 * linked by hand. Subject candidates come from an inverted index over the tokens, so the work grows with the
 * number of tickets, not its square; tokens in more than {@link #COMMON} tickets are too common to group by.
 */
public record ProblemsReport(ReportFilter filter, Duration window, double similarity, List<ProblemGroup> groups,
                             int ticketsScanned, boolean truncated) implements Report {
    private static final int MAX_TICKETS = 50_000;
    private static final int COMMON = 200;
    private static final int SHOWN_NUMBERS = 30;

    public ProblemsReport {
        groups = List.copyOf(groups);
    }

    private record Item(long id, String number, String requester, String subject, String category, Instant at,
                        Set<String> tokens) {
    }

    public static ProblemsReport run(DSLContext dsl, ReportFilter f, Duration window, double similarity) {
        List<Item> items = dsl.select(TICKET.ID, TICKET.NUMBER, TICKET.REQUESTER, TICKET.SUBJECT, TICKET.CATEGORY,
                        TICKET_FACT.CREATED_AT)
                .from(TICKET_FACT).join(TICKET).on(TICKET.ID.eq(TICKET_FACT.TICKET_ID))
                .where(FactConditions.createdIn(f)).orderBy(TICKET_FACT.CREATED_AT.desc()).limit(MAX_TICKETS + 1)
                .fetch(r -> new Item(r.value1(), String.valueOf(r.value2()), r.value3(), r.value4(), r.value5(),
                        Times.fromDb(r.value6()), SimilarSubjects.tokens(r.value4())));
        boolean truncated = items.size() > MAX_TICKETS;
        if (truncated) {
            items = items.subList(0, MAX_TICKETS);
        }
        items = new ArrayList<>(items);
        items.sort(Comparator.comparing(Item::at));
        List<ProblemGroup> groups = new ArrayList<>(byCategory(items, window));
        groups.addAll(bySubject(dsl, items, window, similarity));
        groups.sort(Comparator.comparingInt(ProblemGroup::customers).reversed().thenComparing(ProblemGroup::lastSeen,
                Comparator.reverseOrder()));
        return new ProblemsReport(f, window, similarity, groups, items.size(), truncated);
    }

    private static List<ProblemGroup> byCategory(List<Item> items, Duration window) {
        Map<String, List<Item>> byCat = items.stream().filter(i -> i.category() != null)
                .collect(Collectors.groupingBy(Item::category));
        List<ProblemGroup> out = new ArrayList<>();
        byCat.forEach((cat, list) -> {
            // Consecutive tickets no further apart than the window form one run.
            List<Item> run = new ArrayList<>();
            for (Item i : list) {
                if (!run.isEmpty() && Duration.between(run.get(run.size() - 1).at(), i.at()).compareTo(window) > 0) {
                    add(out, "category", cat, run);
                    run = new ArrayList<>();
                }
                run.add(i);
            }
            add(out, "category", cat, run);
        });
        return out;
    }

    private static List<ProblemGroup> bySubject(DSLContext dsl, List<Item> items, Duration window, double similarity) {
        Map<String, List<Integer>> index = new HashMap<>();
        for (int k = 0; k < items.size(); k++) {
            for (String t : items.get(k).tokens()) {
                index.computeIfAbsent(t, x -> new ArrayList<>()).add(k);
            }
        }
        int[] parent = new int[items.size()];
        for (int k = 0; k < parent.length; k++) {
            parent[k] = k;
        }
        for (List<Integer> posting : index.values()) {
            if (posting.size() < 2 || posting.size() > COMMON) {
                continue;
            }
            for (int x = 0; x < posting.size(); x++) {
                Item a = items.get(posting.get(x));
                for (int y = x + 1; y < posting.size(); y++) {
                    Item b = items.get(posting.get(y));
                    if (Duration.between(a.at(), b.at()).compareTo(window) > 0) {
                        break;
                    }
                    if (SimilarSubjects.jaccard(a.tokens(), b.tokens()) >= similarity) {
                        union(parent, posting.get(x), posting.get(y));
                    }
                }
            }
        }
        linkByHand(dsl, items, parent);
        Map<Integer, List<Item>> clusters = new HashMap<>();
        for (int k = 0; k < items.size(); k++) {
            clusters.computeIfAbsent(find(parent, k), x -> new ArrayList<>()).add(items.get(k));
        }
        List<ProblemGroup> out = new ArrayList<>();
        clusters.values().forEach(c -> add(out, "subject", sharedWords(c), c));
        return out;
    }

    private static void linkByHand(DSLContext dsl, List<Item> items, int[] parent) {
        Map<Long, Integer> pos = new HashMap<>();
        for (int k = 0; k < items.size(); k++) {
            pos.put(items.get(k).id(), k);
        }
        if (pos.isEmpty()) {
            return;
        }
        dsl.select(TICKET_LINK.TICKET_ID, TICKET_LINK.OTHER_ID).from(TICKET_LINK)
                .where(TICKET_LINK.TICKET_ID.in(pos.keySet()).or(TICKET_LINK.OTHER_ID.in(pos.keySet())))
                .forEach(r -> {
                    Integer a = pos.get(r.value1());
                    Integer b = pos.get(r.value2());
                    if (a != null && b != null) {
                        union(parent, a, b);
                    }
                });
    }

    private static String sharedWords(List<Item> cluster) {
        Map<String, Long> n = cluster.stream().flatMap(i -> i.tokens().stream())
                .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        return n.entrySet().stream().filter(e -> e.getValue() * 2 >= cluster.size())
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5).map(Map.Entry::getKey).collect(Collectors.joining(" "));
    }

    private static void add(List<ProblemGroup> out, String kind, String key, List<Item> run) {
        Set<String> customers = run.stream().map(Item::requester).collect(Collectors.toSet());
        if (customers.size() < 2) {
            return;
        }
        List<Item> sorted = run.stream().sorted(Comparator.comparing(Item::at)).toList();
        List<String> numbers = new ArrayList<>(new TreeSet<>(sorted.stream().map(Item::number).toList()));
        out.add(new ProblemGroup(kind, key, run.size(), customers.size(), sorted.get(0).at(),
                sorted.get(sorted.size() - 1).at(), numbers.subList(0, Math.min(SHOWN_NUMBERS, numbers.size()))));
    }

    private static int find(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }

    @Override
    public Object data() {
        return this;
    }

    @Override
    public List<ReportTable> tables() {
        ReportTable.Builder t = new ReportTable.Builder("Repeated problems " + ReportPeriods.describe(filter), "by",
                "category or shared words", "tickets", "customers", "first seen", "last seen", "ticket numbers");
        groups.forEach(g -> t.row(g.kind(), g.key(), g.tickets(), g.customers(), g.firstSeen(), g.lastSeen(),
                String.join(" ", g.numbers())));
        t.note(String.format(java.util.Locale.ROOT, "%d tickets scanned%s; grouped when at least two customers wrote within"
                        + " %s of each other with the same category, similar subjects (Jaccard >= %.2f) or a hand-made link.",
                ticketsScanned, truncated ? " (the newest " + MAX_TICKETS + " only)" : "", TextFormat.duration(window.toSeconds()),
                similarity));
        return List.of(t.build());
    }
}
