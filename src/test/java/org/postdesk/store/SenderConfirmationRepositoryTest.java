package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Held replies on H2 and PostgreSQL: how many of an agent's were held lately bounds the "Confirm:" mails. */
class SenderConfirmationRepositoryTest {
    private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void countsOneAgentsHeldRepliesSinceAMoment(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            long ticket = StoreFixtures.ticket(db.dsl(), mailbox, "ann@example.test");
            long message = new MessageRepository(db.dsl()).insert(StoreFixtures.inbound(ticket, "<m1@x.test>"))
                    .orElseThrow();
            AgentRepository agents = new AgentRepository(db.dsl());
            long bob = agents.add(new NewAgent("Bob", List.of("bob@agents.test"), List.of(mailbox))).id();
            long eve = agents.add(new NewAgent("Eve", List.of("eve@agents.test"), List.of(mailbox))).id();
            long notice = new NotificationRepository(db.dsl()).insert(ticket, bob, "NOTIFY", message, null, NOW);
            SenderConfirmationRepository held = new SenderConfirmationRepository(db.dsl());
            for (Instant at : List.of(NOW.minus(Duration.ofMinutes(61)), NOW.minus(Duration.ofMinutes(59)), NOW)) {
                held.insert(ticket, bob, message, notice, "text", "none", at, at.plus(Duration.ofHours(24)));
            }
            held.insert(ticket, eve, message, notice, "text", "none", NOW, NOW.plus(Duration.ofHours(24)));

            assertThat(held.countHeldSince(bob, NOW.minus(Duration.ofHours(1)))).isEqualTo(2);
            assertThat(held.countHeldSince(eve, NOW.minus(Duration.ofHours(1)))).isEqualTo(1);
            assertThat(held.countHeldSince(bob, NOW.plusSeconds(1))).isZero();
        }
    }
}
