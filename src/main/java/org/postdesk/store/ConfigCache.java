package org.postdesk.store;

import static org.postdesk.store.db.Tables.CONFIG_GENERATION;

import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.TransactionContext;
import org.jooq.TransactionListener;

/**
 * The configuration every stored message reads — mailboxes, agents with their addresses, mailboxes and tiers —
 * held in memory by one {@link Database} and checked against {@code config_generation} once per transaction
 * (issue 16): the first lookup of a transaction reads the generation (one row by key), the others of the same
 * transaction reuse it, and the tables are read again only when the generation moved. {@link ConfigWrites}
 * moves it in the same transaction as every write, from this JVM or any other on the same store.
 *
 * <p>The staleness window is one transaction: a change committed before a transaction's first lookup is seen by
 * all of it, so an agent disabled or removed from a mailbox cannot command a ticket in a transaction that began
 * after the change committed (with group commit, after the batch that was running). Outside a transaction every
 * lookup reads the generation again. A transaction that changed the configuration itself reads the tables
 * directly until it ends: its own rows are not committed and must never be cached for other threads.
 *
 * <p>Transactions are tracked per thread by jOOQ's transaction events, as jOOQ runs a transaction on its
 * caller's thread; nested ones (savepoints) share the outer one's state. Thread-safe.
 */
public final class ConfigCache implements TransactionListener {
    private static final long serialVersionUID = 1L;
    /** Where {@link Database} puts the cache in its configuration; transactions' derived ones copy it. */
    static final String KEY = "postdesk.config-cache";

    private final transient ThreadLocal<Scope> scopes = new ThreadLocal<>();
    private transient volatile ConfigSnapshot snapshot;

    /** What one thread's open transaction (with its nested ones, innermost last) has read and done. */
    private static final class Scope {
        final List<TransactionContext> open = new ArrayList<>();
        Long generation;
        /** The nesting level whose work holds this transaction's change of the generation; -1: none. */
        int wroteAt = -1;

        int indexOf(TransactionContext ctx) {
            for (int i = open.size() - 1; i >= 0; i--) {
                if (open.get(i) == ctx) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * The configuration as {@code dsl}'s transaction sees it; null when {@code dsl} belongs to no caching
     * {@link Database} or its transaction changed the configuration (then read the tables).
     */
    static ConfigSnapshot current(DSLContext dsl) {
        Object cache = dsl.configuration().data(KEY);
        return cache instanceof ConfigCache c ? c.snapshot(dsl) : null;
    }

    /**
     * The generation {@code dsl}'s transaction sees, read at most once per transaction; null as in
     * {@link #current}. The templates' cache keys on it too.
     */
    public static Long generation(DSLContext dsl) {
        Object cache = dsl.configuration().data(KEY);
        return cache instanceof ConfigCache c ? c.generationOrNull(dsl) : null;
    }

    private ConfigSnapshot snapshot(DSLContext dsl) {
        Long generation = generationOrNull(dsl);
        if (generation == null) {
            return null;
        }
        ConfigSnapshot s = snapshot;
        if (s == null || s.generation() != generation) {
            // Read after the generation: the rows are at least as new as the value they are kept under.
            s = ConfigSnapshot.load(dsl, generation);
            snapshot = s;
        }
        return s;
    }

    private Long generationOrNull(DSLContext dsl) {
        Scope scope = scopes.get();
        if (scope == null) {
            return read(dsl);
        }
        if (scope.wroteAt >= 0) {
            return null;
        }
        if (scope.generation == null) {
            scope.generation = read(dsl);
        }
        return scope.generation;
    }

    private static long read(DSLContext dsl) {
        return dsl.select(CONFIG_GENERATION.GENERATION).from(CONFIG_GENERATION).where(CONFIG_GENERATION.ID.eq(1))
                .fetchOptional(CONFIG_GENERATION.GENERATION).orElse(0L);
    }

    boolean wroteInThisTransaction() {
        Scope scope = scopes.get();
        return scope != null && scope.wroteAt >= 0;
    }

    /** This thread's transaction changed the configuration: no cached reads until it ends. */
    void markWritten() {
        Scope scope = scopes.get();
        if (scope != null && scope.wroteAt < 0) {
            scope.wroteAt = scope.open.size() - 1;
        }
    }

    @Override
    public void beginStart(TransactionContext ctx) {
        Scope scope = scopes.get();
        if (scope == null) {
            scope = new Scope();
            scopes.set(scope);
        }
        scope.open.add(ctx);
    }

    /** A nested transaction's work, and so its change of the generation, now belongs to the one around it. */
    @Override
    public void commitEnd(TransactionContext ctx) {
        leave(ctx, false);
    }

    /**
     * A rolled-back savepoint took its change of the generation with it: the next write must change it again,
     * and what remains of the transaction changed nothing the cache holds. jOOQ calls commitEnd even when the
     * commit failed, then rollbackEnd; the second finds the level gone.
     */
    @Override
    public void rollbackEnd(TransactionContext ctx) {
        leave(ctx, true);
    }

    private void leave(TransactionContext ctx, boolean rolledBack) {
        Scope scope = scopes.get();
        int level = scope == null ? -1 : scope.indexOf(ctx);
        if (level < 0) {
            return;
        }
        if (scope.wroteAt >= level) {
            scope.wroteAt = rolledBack ? -1 : level - 1;
        }
        scope.open.remove(level);
        if (scope.open.isEmpty()) {
            scopes.remove();
        }
    }
}
