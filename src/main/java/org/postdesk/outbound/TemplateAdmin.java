package org.postdesk.outbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.postdesk.store.Database;
import org.postdesk.store.NewTemplateVersion;
import org.postdesk.store.TemplateRepository;
import org.postdesk.store.TemplateVersionRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes to stored templates, each one validated before anything is written and written in one
 * transaction: set, import, rollback, and seeding the shipped defaults. Reads go to
 * {@link TemplateRepository} directly.
 */
public final class TemplateAdmin {
    private static final Logger log = LoggerFactory.getLogger(TemplateAdmin.class);
    private static final String SHIPPED = "SHIPPED";
    private final Database db;
    private final TemplateSamples samples;
    /**
     * Made on first use: seeding the shipped defaults, all the daemon's start does here, validates nothing, and
     * FreeMarker's engine is not needed before the first mail (issue 16).
     */
    private TemplateValidator validator;
    private final Map<TemplateKey, TemplateSource> shipped;

    public TemplateAdmin(Database db, TemplateSamples samples, Map<TemplateKey, TemplateSource> shipped) {
        this.db = db;
        this.samples = samples;
        this.shipped = Map.copyOf(shipped);
    }

    public synchronized TemplateValidator validator() {
        if (validator == null) {
            validator = new TemplateValidator(new TemplateEngine(), samples);
        }
        return validator;
    }

    /** A version was stored ({@code version} > 0) or the text was already current ({@code version} 0). */
    public record Saved(TemplateKey key, int version, String warning) {
    }

    /**
     * Stores every shipped default whose name and locale the store never held, and upgrades every template
     * still at a shipped default (never changed by an admin) whose shipped text changed in this release.
     * A template an admin changed is never touched. Returns how many versions were stored.
     */
    public int seedDefaults() {
        Instant now = Instant.now();
        int seeded = db.inTransaction(tx -> {
            TemplateRepository repo = new TemplateRepository(tx);
            int n = 0;
            for (Map.Entry<TemplateKey, TemplateSource> e : shipped.entrySet()) {
                TemplateKey k = e.getKey();
                if (repo.seed(shippedVersion(k, e.getValue(), "shipped default", now))) {
                    n++;
                }
            }
            return n;
        });
        return seeded + upgradeUntouched(now);
    }

    private int upgradeUntouched(Instant now) {
        Map<TemplateKey, TemplateVersionRow> current = new TreeMap<>();
        new TemplateRepository(db.dsl()).allCurrent().forEach(r -> current.put(new TemplateKey(r.name(), r.locale()), r));
        int upgraded = 0;
        for (Map.Entry<TemplateKey, TemplateSource> e : shipped.entrySet()) {
            TemplateKey k = e.getKey();
            TemplateVersionRow row = current.get(k);
            if (row == null || !SHIPPED.equals(row.source()) || same(row, e.getValue())) {
                continue;
            }
            try {
                upgraded += db.inTransaction(tx -> new TemplateRepository(tx).current(k.name(), k.locale())
                        .filter(latest -> latest.version() == row.version()) // nobody stored a version meanwhile
                        .map(unchanged -> {
                            new TemplateRepository(tx).addVersion(shippedVersion(k, e.getValue(),
                                    "shipped default, upgraded", now));
                            return 1;
                        }).orElse(0));
            } catch (RuntimeException raced) {
                // Another daemon starting at the same moment stored the same upgrade first.
                log.debug("template {}: upgrade stored meanwhile by another process: {}", k, raced.toString());
            }
        }
        return upgraded;
    }

    private static NewTemplateVersion shippedVersion(TemplateKey k, TemplateSource s, String note, Instant now) {
        return new NewTemplateVersion(k.name(), k.locale(), s.text(), s.html(), SHIPPED, note, "postdesk", now);
    }

    private static boolean same(TemplateVersionRow row, TemplateSource source) {
        return row.text().equals(source.text()) && Objects.equals(row.html(), source.html());
    }

    /**
     * Validates {@code source} and stores it as the next version ({@code origin} SET or EDIT); stores
     * nothing when it equals the current version.
     *
     * @throws InvalidTemplateException and stores nothing when the template is refused
     */
    public Saved set(TemplateKey key, TemplateSource source, String origin, String author, Instant now) {
        TemplateValidator.Result checked = validator().validate(key, source);
        int version = db.inTransaction(tx -> store(new TemplateRepository(tx), key, source, origin, null, author, now));
        return new Saved(key, version, checked.warning());
    }

    /**
     * Validates every template of {@code all} first and then stores, in one transaction, a new version of each
     * one that differs from its current version: either all of them are stored or none.
     *
     * @throws InvalidTemplateException naming the first template refused; nothing is stored
     */
    public List<Saved> importAll(SortedMap<TemplateKey, TemplateSource> all, String author, Instant now) {
        Map<TemplateKey, String> warnings = new TreeMap<>();
        all.forEach((k, s) -> {
            String w = validator().validate(k, s).warning();
            if (w != null) {
                warnings.put(k, w);
            }
        });
        return db.inTransaction(tx -> {
            TemplateRepository repo = new TemplateRepository(tx);
            List<Saved> saved = new ArrayList<>();
            all.forEach((k, s) -> saved.add(new Saved(k, store(repo, k, s, "IMPORT", null, author, now),
                    warnings.get(k))));
            return saved;
        });
    }

    /**
     * Stores version {@code to} again as the newest version.
     *
     * @throws IllegalArgumentException when there is no such version
     * @throws InvalidTemplateException when that version no longer validates (e.g. a variable was removed)
     */
    public Saved rollback(TemplateKey key, int to, String author, Instant now) {
        TemplateVersionRow old = new TemplateRepository(db.dsl()).version(key.name(), key.locale(), to)
                .orElseThrow(() -> new IllegalArgumentException("template " + key + " has no version " + to
                        + " (see: postdesk template history " + key.name() + ")"));
        TemplateSource source = new TemplateSource(old.text(), old.html());
        TemplateValidator.Result checked = validator().validate(key, source);
        int version = db.inTransaction(tx -> {
            TemplateRepository repo = new TemplateRepository(tx);
            return repo.addVersion(new NewTemplateVersion(key.name(), key.locale(), source.text(), source.html(),
                    "ROLLBACK", "rollback to version " + to, author, now));
        });
        return new Saved(key, version, checked.warning());
    }

    /** The current version of every stored template, as sources (what {@code export} writes). */
    public SortedMap<TemplateKey, TemplateSource> current() {
        SortedMap<TemplateKey, TemplateSource> all = new TreeMap<>();
        new TemplateRepository(db.dsl()).allCurrent().forEach(r ->
                all.put(new TemplateKey(r.name(), r.locale()), new TemplateSource(r.text(), r.html())));
        return all;
    }

    /** The current version of one template, if the store holds it. */
    public Optional<TemplateSource> current(TemplateKey key) {
        return new TemplateRepository(db.dsl()).current(key.name(), key.locale())
                .map(r -> new TemplateSource(r.text(), r.html()));
    }

    public Optional<TemplateSource> shipped(TemplateKey key) {
        return Optional.ofNullable(shipped.get(key));
    }

    private static int store(TemplateRepository repo, TemplateKey key, TemplateSource source, String origin,
                             String note, String author, Instant now) {
        Optional<TemplateVersionRow> current = repo.current(key.name(), key.locale());
        if (current.isPresent() && same(current.get(), source)) {
            return 0;
        }
        return repo.addVersion(new NewTemplateVersion(key.name(), key.locale(), source.text(), source.html(),
                origin, note, author, now));
    }
}
