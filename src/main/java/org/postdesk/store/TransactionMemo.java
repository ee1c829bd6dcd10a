package org.postdesk.store;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.Configuration;
import org.jooq.DSLContext;

/**
 * A value read once per transaction of {@link Database#inTransaction}: the second ask in the same transaction
 * gets the first answer. Each such transaction has a configuration of its own, so nothing outlives it; outside one
 * (the shared context, auto-commit) every ask reads again.
 *
 * <p>The values sit in one map under one key of the configuration's data map, not a key each: jOOQ copies that
 * data map into every statement's execute context, and a batch of 100 messages remembered some 350 dedupe keys,
 * so each statement of the batch copied them all (5 % of the drain's CPU, issue 16). A configuration derived from
 * the transaction's (a nested transaction) sees what the transaction knew when it began, and keeps what it learns
 * to itself, as it did when each value had its own key in the copied map.
 */
public final class TransactionMemo {
    /** The key of the {@link Memo} set on the configuration of every transaction {@link Database} runs. */
    static final String MEMO = "postdesk.transaction-memo";

    private TransactionMemo() {
    }

    /** Marks {@code cfg}, a transaction's own configuration, so that values may be kept in it. */
    static void begin(Configuration cfg) {
        cfg.data(MEMO, new Memo(cfg, new HashMap<>()));
    }

    /** {@code read}'s value, read at most once in {@code tx}'s transaction under {@code key}. */
    @SuppressWarnings("unchecked")
    public static <T> T once(DSLContext tx, String key, Supplier<T> read) {
        Memo memo = memo(tx);
        if (memo == null) {
            return read.get();
        }
        Object known = memo.values().get(key);
        if (known == null) {
            known = read.get();
            own(tx, memo).values().put(key, known);
        }
        return (T) known;
    }

    /** Keeps {@code value} under {@code key} in {@code tx}'s transaction; outside one it is not kept. */
    public static void remember(DSLContext tx, String key, Object value) {
        Memo memo = memo(tx);
        if (memo != null) {
            own(tx, memo).values().put(key, value);
        }
    }

    /** What {@code tx}'s transaction keeps under {@code key}; null when nothing, and always outside a transaction. */
    @SuppressWarnings("unchecked")
    public static <T> T known(DSLContext tx, String key) {
        Memo memo = memo(tx);
        return memo == null ? null : (T) memo.values().get(key);
    }

    /** Forgets {@code key} in {@code tx}'s transaction: this transaction changed what it memoised. */
    public static void forget(DSLContext tx, String key) {
        Memo memo = memo(tx);
        if (memo != null) {
            own(tx, memo).values().remove(key);
        }
    }

    private static Memo memo(DSLContext tx) {
        return (Memo) tx.configuration().data(MEMO);
    }

    /**
     * The memo {@code tx}'s own configuration may change: {@code memo} itself when it was made for that
     * configuration, else (a configuration derived from the transaction's, whose data map jOOQ copied with the
     * reference) a copy of it set on that configuration, so that the transaction's own values stay as they were.
     */
    private static Memo own(DSLContext tx, Memo memo) {
        Configuration cfg = tx.configuration();
        if (memo.owner() == cfg) {
            return memo;
        }
        Memo copy = new Memo(cfg, new HashMap<>(memo.values()));
        cfg.data(MEMO, copy);
        return copy;
    }

    /** The values of one transaction's configuration, {@code owner}. Mutable; one thread's, as its transaction. */
    private record Memo(Configuration owner, Map<Object, Object> values) {
    }
}
