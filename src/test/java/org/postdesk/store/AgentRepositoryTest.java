package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Agents read with their addresses and mailboxes in three statements however many match; changed one part at a time. */
class AgentRepositoryTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void eachAgentKeepsItsOwnAddressesPrimaryFirstAndItsMailboxesByName(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long support = StoreFixtures.mailbox(db.dsl(), "support");
            long billing = StoreFixtures.mailbox(db.dsl(), "billing");
            AgentRepository agents = new AgentRepository(db.dsl());
            Agent ann = agents.add(new NewAgent("Ann", List.of("ann@example.test", "a@example.test"), List.of(support, billing)));
            Agent bob = agents.add(new NewAgent("Bob", List.of("bob@example.test"), List.of(support)));
            Agent eve = agents.add(new NewAgent("Eve", List.of("eve@example.test"), List.of()));

            List<Agent> team = agents.activeForMailbox(support);

            assertThat(team).extracting(Agent::name).containsExactly("Ann", "Bob");
            assertThat(team.get(0).addresses()).containsExactly("ann@example.test", "a@example.test");
            assertThat(team.get(0).mailboxes()).containsExactly("billing", "support");
            assertThat(team.get(1).addresses()).containsExactly("bob@example.test");
            assertThat(team.get(1).mailboxes()).containsExactly("support");
            assertThat(agents.byId(eve.id()).orElseThrow().mailboxes()).isEmpty();
            assertThat(agents.byAddress("A@Example.Test")).map(Agent::id).contains(ann.id());
            assertThat(agents.list()).extracting(Agent::id).containsExactly(ann.id(), bob.id(), eve.id());
            assertThat(agents.byAddress("stranger@example.test")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void anAgentIsRenamedAndGainsAndLosesMailboxesAndOtherAddressesButNeverTheMainOne(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long support = StoreFixtures.mailbox(db.dsl(), "support");
            AgentRepository agents = new AgentRepository(db.dsl());
            Agent ann = agents.add(new NewAgent("Ann", List.of("ann@example.test"), List.of()));
            Agent bob = agents.add(new NewAgent("Bob", List.of("bob@example.test"), List.of()));

            assertThat(agents.rename(ann.id(), "Ann Lee")).isTrue();
            assertThat(agents.addMailbox(ann.id(), support)).isTrue();
            assertThat(agents.addMailbox(ann.id(), support)).isFalse();
            assertThat(agents.addAddress(ann.id(), "Ann@Home.Test")).isTrue();
            assertThat(agents.addAddress(ann.id(), "ann@home.test")).isFalse();
            assertThatThrownBy(() -> agents.addAddress(bob.id(), "ann@home.test"))
                    .isInstanceOf(DuplicateAgentAddressException.class);
            assertThat(agents.activeForMailbox(support)).extracting(Agent::name).containsExactly("Ann Lee");
            assertThat(agents.byAddress("ann@home.test")).map(Agent::id).contains(ann.id());

            assertThat(agents.removeAddress(ann.id(), "ann@example.test")).isFalse();
            assertThat(agents.removeAddress(ann.id(), "ann@home.test")).isTrue();
            assertThat(agents.removeMailbox(ann.id(), support)).isTrue();
            assertThat(agents.removeMailbox(ann.id(), support)).isFalse();
            Agent now = agents.byId(ann.id()).orElseThrow();
            assertThat(now.addresses()).containsExactly("ann@example.test");
            assertThat(now.mailboxes()).isEmpty();
        }
    }
}
