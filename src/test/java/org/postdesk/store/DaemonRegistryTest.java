package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DaemonRegistryTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aDaemonIsLiveWhileItBeatsAndItsMailboxesAreFreedWhenItDeregisters(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long support = StoreFixtures.mailbox(db.dsl(), "support");
            long sales = StoreFixtures.mailbox(db.dsl(), "sales");
            DaemonRegistry registry = new DaemonRegistry(db.dsl());
            DaemonInfo a = new DaemonInfo("a", "mail1", 101, T0, T0);
            DaemonInfo b = new DaemonInfo("b", "mail2", 202, T0, T0);
            registry.register(a);
            registry.register(b);
            registry.watch(support, "a");
            registry.watch(sales, "b");

            registry.heartbeat(a, T0.plusSeconds(30));
            assertThat(registry.live(T0.plusSeconds(31))).as("b stopped beating").extracting(DaemonInfo::id)
                    .containsExactly("a");
            assertThat(registry.watchers().get(sales).display()).as("still recorded, for 'gone'")
                    .isEqualTo("mail2 pid 202");

            registry.unwatch(sales, "a");
            assertThat(registry.watchers()).as("only the holder clears its record").containsKey(sales);
            registry.deregister("a");
            assertThat(registry.watchers()).containsOnlyKeys(sales);
            assertThat(registry.live(T0)).extracting(DaemonInfo::id).containsExactly("b");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void aHeartbeatAfterBeingSweptOutRegistersAgain(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            DaemonRegistry registry = new DaemonRegistry(db.dsl());
            DaemonInfo a = new DaemonInfo("a", "mail1", 101, T0, T0);
            registry.heartbeat(a, T0.plusSeconds(5));
            assertThat(registry.live(T0.plusSeconds(6))).extracting(DaemonInfo::heartbeatAt)
                    .containsExactly(T0.plusSeconds(5));
        }
    }
}
