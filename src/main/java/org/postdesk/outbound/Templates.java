package org.postdesk.outbound;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.postdesk.store.ConfigCache;
import org.postdesk.store.Database;
import org.postdesk.store.TemplateRepository;
import org.postdesk.store.TemplateVersionRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders templates by name for a chain of locales (the one asked for, then English). With a store, the
 * current version there is used, so every daemon on one database sends the same text the moment an admin
 * saves it; without one, only the shipped defaults. A version that fails to render is logged at ERROR and
 * the next one is tried — older stored versions, then the shipped default — so a broken template never
 * stops a mail. Thread-safe.
 *
 * <p>Every method that reads the store takes the caller's transaction and reads through it, never through a
 * connection of its own: a worker that renders inside its message transaction while asking the pool for a
 * second connection waits for the pool's timeout as soon as every connection is held that way
 * (docs/ARCHITECTURE.md, "Transactions").
 */
public final class Templates {
    public static final String FALLBACK_LOCALE = "en";
    private static final Logger log = LoggerFactory.getLogger(Templates.class);

    private final TemplateEngine engine = new TemplateEngine();
    private final Map<TemplateKey, TemplateSource> shipped;
    private final boolean stored;
    private final Map<Long, CompiledTemplate> compiledVersions = new ConcurrentHashMap<>();
    private final Map<TemplateKey, CompiledTemplate> compiledShipped = new ConcurrentHashMap<>();
    private volatile Snapshot snapshot = new Snapshot("", Map.of());

    /** {@code mark}: the config generation or the newest version id the templates were read at. */
    private record Snapshot(Object mark, Map<TemplateKey, TemplateVersionRow> current) {
    }

    /** The shipped defaults only (overlaid by {@code overrideDirOrNull} when it exists); no store. */
    public Templates(Path overrideDirOrNull) {
        this(false, ShippedTemplates.load(overrideDirOrNull));
    }

    private Templates(boolean stored, Map<TemplateKey, TemplateSource> shipped) {
        this.stored = stored;
        this.shipped = Map.copyOf(shipped);
    }

    /**
     * Templates from the store; first stores every shipped default whose name and locale the store has
     * never held (the first start, or a new template in an upgrade).
     */
    public static Templates stored(Database db, Path overrideDirOrNull) {
        Map<TemplateKey, TemplateSource> shipped = ShippedTemplates.load(overrideDirOrNull);
        int seeded = new TemplateAdmin(db, TemplateSamples.standard(), shipped).seedDefaults();
        if (seeded > 0) {
            log.info("stored {} shipped template version(s): templates the store did not have yet, or upgrades of"
                    + " defaults no admin changed", seeded);
        }
        return new Templates(true, shipped);
    }

    /**
     * Renders {@code name} for {@code locale} (falling back to English) with the model exposed as {@code t},
     * reading the store through {@code tx} (the caller's transaction; ignored, and may be null, for templates
     * without a store).
     */
    public RenderedMail render(DSLContext tx, String name, String locale, Object model) {
        return render(tx, name, locale == null ? List.of() : List.of(locale), model);
    }

    /**
     * Renders {@code name} for the first locale of {@code locales} (e.g. the customer's, then the
     * mailbox's) that has it; English is always tried last.
     *
     * @throws TemplateRenderException when no version in any of the locales renders
     */
    public RenderedMail render(DSLContext tx, String name, List<String> locales, Object model) {
        List<String> failures = new ArrayList<>();
        for (String locale : chain(locales)) {
            for (Candidate c : candidates(tx, new TemplateKey(name, locale))) {
                try {
                    return c.compiled().render(model);
                } catch (InvalidTemplateException e) {
                    failures.add(c.label() + ": " + e.getMessage());
                    log.error("template {} failed, trying the previous version: {} (fix it with 'postdesk template"
                            + " edit {} --locale {}' or 'postdesk template rollback')", c.label(), e.getMessage(),
                            name, locale);
                    log.debug("template {} failure", c.label(), e);
                }
            }
        }
        throw new TemplateRenderException("template " + name + " has no version that renders in "
                + chain(locales) + (failures.isEmpty() ? ": it does not exist; add templates/"
                + FALLBACK_LOCALE + "/" + name + ".ftl" : ": " + String.join("; ", failures)), null);
    }

    /** Whether {@code name} exists, stored or shipped, in any locale of the chain. */
    public boolean exists(DSLContext tx, String name, List<String> locales) {
        Snapshot s = refresh(tx);
        return chain(locales).stream().map(l -> new TemplateKey(name, l))
                .anyMatch(k -> s.current().containsKey(k) || shipped.containsKey(k));
    }

    /** The names of every template in any locale of the chain that starts with {@code prefix}, sorted. */
    public List<String> names(DSLContext tx, String prefix, List<String> locales) {
        Snapshot s = refresh(tx);
        List<String> chain = chain(locales);
        Set<String> names = new TreeSet<>();
        for (TemplateKey k : union(s.current().keySet(), shipped.keySet())) {
            if (k.name().startsWith(prefix) && chain.contains(k.locale())) {
                names.add(k.name());
            }
        }
        return List.copyOf(names);
    }

    static List<String> chain(List<String> locales) {
        Set<String> chain = new LinkedHashSet<>();
        for (String l : locales) {
            if (l != null && !l.isBlank()) {
                chain.add(l.strip());
            }
        }
        chain.add(FALLBACK_LOCALE);
        return chain.stream().filter(Templates::validLocale).collect(Collectors.toList());
    }

    private static boolean validLocale(String locale) {
        try {
            TemplateKey.checkLocale(locale);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private record Candidate(String label, CompiledTemplate compiled) {
    }

    /** Lazily: the current stored version, then older ones, then the shipped default. */
    private Iterable<Candidate> candidates(DSLContext tx, TemplateKey key) {
        return () -> new CandidateIterator(this, tx, key);
    }

    private static Set<TemplateKey> union(Set<TemplateKey> a, Set<TemplateKey> b) {
        Set<TemplateKey> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * The snapshot of current versions, reloaded through {@code tx} when anything was stored since it was
     * taken. A failing read is not swallowed: on PostgreSQL it has already aborted the caller's transaction,
     * which must fail (and be retried) as a whole.
     */
    Snapshot refresh(DSLContext tx) {
        if (!stored) {
            return snapshot;
        }
        Snapshot s = snapshot;
        TemplateRepository repo = new TemplateRepository(tx);
        // config_generation changes with every stored version and is read once per transaction anyway for the
        // mailboxes and agents; the newest version's id serves a transaction that changed templates itself.
        Long generation = ConfigCache.generation(tx);
        Object mark = generation != null ? "generation " + generation : "version " + repo.changeMarkOfThisTransaction();
        if (!mark.equals(s.mark())) {
            Map<TemplateKey, TemplateVersionRow> current = new ConcurrentHashMap<>();
            repo.allCurrent().forEach(r -> current.put(new TemplateKey(r.name(), r.locale()), r));
            s = new Snapshot(mark, Map.copyOf(current));
            snapshot = s;
        }
        return s;
    }

    Optional<TemplateVersionRow> current(DSLContext tx, TemplateKey key) {
        return Optional.ofNullable(refresh(tx).current().get(key));
    }

    List<TemplateVersionRow> olderVersions(DSLContext tx, TemplateKey key, int below) {
        if (!stored) {
            return List.of();
        }
        return new TemplateRepository(tx).versions(key.name(), key.locale()).stream()
                .filter(v -> v.version() < below).toList();
    }

    /** The compiled version, or null (logged at ERROR) when it does not parse. */
    CompiledTemplate compiled(TemplateVersionRow row) {
        return compiledVersions.computeIfAbsent(row.id(), id -> compileOrNull(
                new TemplateKey(row.name(), row.locale()), new TemplateSource(row.text(), row.html()),
                "version " + row.version()));
    }

    CompiledTemplate compiledShipped(TemplateKey key) {
        TemplateSource source = shipped.get(key);
        return source == null ? null
                : compiledShipped.computeIfAbsent(key, k -> compileOrNull(k, source, "shipped default"));
    }

    private CompiledTemplate compileOrNull(TemplateKey key, TemplateSource source, String which) {
        try {
            return engine.compile(key.name(), key.locale(), source);
        } catch (InvalidTemplateException e) {
            log.error("template {} {} does not parse, skipping it: {}", key, which, e.getMessage());
            return null;
        }
    }

    /** Walks the candidates of one key, touching the store for older versions only when asked. */
    private static final class CandidateIterator implements java.util.Iterator<Candidate> {
        private final Templates templates;
        private final DSLContext tx;
        private final TemplateKey key;
        private final List<Candidate> pending = new ArrayList<>();
        private int stage;

        CandidateIterator(Templates templates, DSLContext tx, TemplateKey key) {
            this.templates = templates;
            this.tx = tx;
            this.key = key;
        }

        @Override
        public boolean hasNext() {
            while (pending.isEmpty() && stage < 3) {
                fill(stage++);
            }
            return !pending.isEmpty();
        }

        @Override
        public Candidate next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return pending.remove(0);
        }

        private void fill(int which) {
            Optional<TemplateVersionRow> current = templates.current(tx, key);
            if (which == 0) {
                current.ifPresent(this::add);
            } else if (which == 1) {
                current.ifPresent(c -> templates.olderVersions(tx, key, c.version()).forEach(this::add));
            } else {
                CompiledTemplate c = templates.compiledShipped(key);
                if (c != null) {
                    pending.add(new Candidate(key + " shipped default", c));
                }
            }
        }

        private void add(TemplateVersionRow row) {
            CompiledTemplate c = templates.compiled(row);
            if (c != null) {
                pending.add(new Candidate(key + " version " + row.version(), c));
            }
        }
    }
}
