package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TemplateRepositoryTest {
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private static NewTemplateVersion version(String text, String source) {
        return new NewTemplateVersion("ack", "en", text, null, source, null, "admin", AT);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void versionsAreNumberedAndTheNewestIsCurrent(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            TemplateRepository repo = new TemplateRepository(db.dsl());
            long before = repo.changeMark();
            assertThat(repo.addVersion(version("one", "SET"))).isEqualTo(1);
            assertThat(repo.addVersion(new NewTemplateVersion("ack", "en", "two", "<p>two</p>", "EDIT", null,
                    "admin", AT))).isEqualTo(2);
            assertThat(repo.addVersion(new NewTemplateVersion("ack", "ru", "один", null, "SET", null, "admin", AT)))
                    .isEqualTo(1);
            assertThat(repo.changeMark()).isGreaterThan(before);

            TemplateVersionRow current = repo.current("ack", "en").orElseThrow();
            assertThat(current.version()).isEqualTo(2);
            assertThat(current.html()).isEqualTo("<p>two</p>");
            assertThat(current.createdAt()).isEqualTo(AT);
            assertThat(repo.version("ack", "en", 1).orElseThrow().text()).isEqualTo("one");
            assertThat(repo.versions("ack", "en")).extracting(TemplateVersionRow::version).containsExactly(2, 1);
            assertThat(repo.history("ack")).extracting(TemplateVersionRow::locale).containsExactly("en", "en", "ru");
            assertThat(repo.allCurrent()).extracting(TemplateVersionRow::text).containsExactly("two", "один");
            assertThat(repo.current("nope", "en")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void seedStoresOnlyWhatWasNeverStored(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            TemplateRepository repo = new TemplateRepository(db.dsl());
            assertThat(repo.seed(version("shipped", "SHIPPED"))).isTrue();
            assertThat(repo.seed(version("shipped again", "SHIPPED"))).isFalse();
            repo.addVersion(version("mine", "SET"));
            assertThat(repo.seed(version("shipped", "SHIPPED"))).isFalse();
            assertThat(repo.current("ack", "en").orElseThrow().text()).isEqualTo("mine");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void twoDaemonsSeedingAndSavingAtOnceLoseNothing(TestDatabases.Kind kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            List<Boolean> seeded = race(db, tx -> new TemplateRepository(tx).seed(version("s", "SHIPPED")));
            assertThat(seeded).containsExactlyInAnyOrder(true, false);
            List<Integer> versions = race(db, tx -> new TemplateRepository(tx).addVersion(version("x", "SET")));
            assertThat(versions).containsExactlyInAnyOrder(2, 3);
        }
    }

    private static <T> List<T> race(Database db, java.util.function.Function<org.jooq.DSLContext, T> work)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Callable<T> task = () -> {
                start.await();
                return db.inTransaction(work);
            };
            futures.add(pool.submit(task));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return results;
    }
}
