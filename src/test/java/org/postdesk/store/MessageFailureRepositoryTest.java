package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The failure count of bad mail, on both databases (docs/ARCHITECTURE.md, "Bad mail"). */
class MessageFailureRepositoryTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void countsFailuresInARowTheSameWayAndQuarantines(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long support = StoreFixtures.mailbox(db.dsl(), "support");
            MessageFailureRepository repo = new MessageFailureRepository(db.dsl());
            repo.record(failure(support, "a", "NullPointerException at X.y:1"));
            MessageFailure second = repo.record(failure(support, "a", "NullPointerException at X.y:1"));
            assertThat(second.attempts()).isEqualTo(2);
            assertThat(second.sameWay()).isEqualTo(2);

            MessageFailure other = repo.record(failure(support, "a", "AssertionError at Z.w:9"));
            assertThat(other.attempts()).isEqualTo(3);
            assertThat(other.sameWay()).as("another way starts the streak again").isEqualTo(1);
            repo.record(failure(support, "b", "AssertionError at Z.w:9"));

            assertThat(repo.counts(support)).isEqualTo(new MessageFailureRepository.Counts(0, 2));
            repo.quarantine(other.id(), null, AT.plusSeconds(5));
            assertThat(repo.counts(support)).isEqualTo(new MessageFailureRepository.Counts(1, 1));
            assertThat(repo.quarantined(support, 5)).singleElement().satisfies(f -> {
                assertThat(f.rawHash()).isEqualTo("a");
                assertThat(f.quarantinedAt()).isEqualTo(AT.plusSeconds(5));
                assertThat(f.ticketNumber()).isNull();
            });
        }
    }

    private static NewFailure failure(long mailbox, String hash, String signature) {
        return new NewFailure(mailbox, hash, 7L, "<m@example.test>", signature, "boom", AT);
    }
}
