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
