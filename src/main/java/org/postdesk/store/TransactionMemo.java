package org.postdesk.store;

import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * A value read once per transaction of {@link Database#inTransaction}: the second ask in the same transaction
 * gets the first answer. Each such transaction has a configuration (and data map) of its own, so nothing
 * outlives it; outside one (the shared context, auto-commit) every ask reads again.
 */
public final class TransactionMemo {
    /** Set on the configuration of every transaction {@link Database} runs. */
    static final String IN_TRANSACTION = "postdesk.in-transaction";

    private TransactionMemo() {
    }

    /** {@code read}'s value, read at most once in {@code tx}'s transaction under {@code key}. */
    @SuppressWarnings("unchecked")
    public static <T> T once(DSLContext tx, String key, Supplier<T> read) {
        if (tx.configuration().data(IN_TRANSACTION) == null) {
            return read.get();
        }
        Object known = tx.configuration().data(key);
        if (known == null) {
            known = read.get();
            tx.configuration().data(key, known);
        }
        return (T) known;
    }

    /** Keeps {@code value} under {@code key} in {@code tx}'s transaction; outside one it is not kept. */
    public static void remember(DSLContext tx, String key, Object value) {
        if (tx.configuration().data(IN_TRANSACTION) != null) {
            tx.configuration().data(key, value);
        }
    }

    /** What {@code tx}'s transaction keeps under {@code key}; null when nothing, and always outside a transaction. */
    @SuppressWarnings("unchecked")
    public static <T> T known(DSLContext tx, String key) {
        return tx.configuration().data(IN_TRANSACTION) == null ? null : (T) tx.configuration().data(key);
    }

    /** Forgets {@code key} in {@code tx}'s transaction: this transaction changed what it memoised. */
    public static void forget(DSLContext tx, String key) {
        tx.configuration().data().remove(key);
    }
}
