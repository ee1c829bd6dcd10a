package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The template change mark is read once per transaction (each render asked, 2.7 times a stored message), yet a
 * version stored by another transaction is seen by the next one, and one stored in the same transaction at once.
 */
class TransactionMemoTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void readOncePerTransactionAndEveryTimeOutsideOne(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            AtomicInteger reads = new AtomicInteger();
            int inOne = db.inTransaction(tx -> {
                TransactionMemo.once(tx, "k", reads::incrementAndGet);
                return TransactionMemo.once(tx, "k", reads::incrementAndGet);
            });
            assertThat(inOne).isEqualTo(1);
            int next = db.inTransaction(tx -> TransactionMemo.once(tx, "k", reads::incrementAndGet));
            assertThat(next).isEqualTo(2);
            TransactionMemo.once(db.dsl(), "k", reads::incrementAndGet);
            int outside = TransactionMemo.once(db.dsl(), "k", reads::incrementAndGet);
            assertThat(outside).isEqualTo(4);
        }
    }

    /**
     * jOOQ copies the configuration's data map into every statement's context: the memo of a batch (a dedupe key or
     * two a message) must not add a key per value to it, or each statement of a batch copies them all.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void rememberedValuesDoNotGrowTheDataMapEveryStatementCopies(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            int[] sizes = db.inTransaction(tx -> {
                int before = tx.configuration().data().size();
                for (int i = 0; i < 500; i++) {
                    TransactionMemo.remember(tx, "key-" + i, Boolean.TRUE);
                }
                return new int[] {before, tx.configuration().data().size()};
            });
            assertThat(sizes[1]).isEqualTo(sizes[0]);
        }
    }

    /** A nested transaction sees what its transaction knew, and what it learns stays its own, as before. */
    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aNestedTransactionKeepsWhatItLearnsToItself(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            Object[] seen = db.inTransaction(tx -> {
                TransactionMemo.remember(tx, "outer", "o");
                Object[] inner = tx.transactionResult(nested -> {
                    Object outer = TransactionMemo.known(nested.dsl(), "outer");
                    TransactionMemo.remember(nested.dsl(), "inner", "i");
                    TransactionMemo.forget(nested.dsl(), "outer");
                    return new Object[] {outer, TransactionMemo.known(nested.dsl(), "inner"),
                            TransactionMemo.known(nested.dsl(), "outer")};
                });
                return new Object[] {inner[0], inner[1], inner[2], TransactionMemo.known(tx, "inner"),
                        TransactionMemo.known(tx, "outer")};
            });
            assertThat(seen).containsExactly("o", "i", null, null, "o");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void theChangeMarkSeesOtherTransactionsNextTimeAndItsOwnVersionAtOnce(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long before = db.inTransaction(tx -> new TemplateRepository(tx).changeMarkOfThisTransaction());
            db.inTransactionRun(tx -> new TemplateRepository(tx).addVersion(version("one")));
            long afterOther = db.inTransaction(tx -> new TemplateRepository(tx).changeMarkOfThisTransaction());
            assertThat(afterOther).isGreaterThan(before);

            long[] own = db.inTransaction(tx -> {
                TemplateRepository repo = new TemplateRepository(tx);
                long first = repo.changeMarkOfThisTransaction();
                repo.addVersion(version("two"));
                return new long[] {first, repo.changeMarkOfThisTransaction(), repo.changeMark()};
            });
            assertThat(own[0]).isEqualTo(afterOther);
            assertThat(own[1]).isGreaterThan(own[0]).isEqualTo(own[2]);
        }
    }

    private static NewTemplateVersion version(String text) {
        return new NewTemplateVersion("ack", "en", text, null, "SET", null, "admin", AT);
    }
}
