package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** V23 (issue 12): the address-only team lead of V12 becomes issue 11's agent team lead, and its column goes. */
class TeamLeadMigrationTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void anAddressNamingAnAgentBecomesTheTeamLeadUnlessOneIsSet(TestDatabases.Kind kind) throws SQLException {
        DbSettings s = kind == TestDatabases.Kind.H2 ? new DbSettings("jdbc:h2:mem:v23" + UUID.randomUUID()
                .toString().replace("-", "") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";DB_CLOSE_DELAY=-1", "sa", "", 2) : TestDatabases.postgresSettings();
        Flyway before = flyway(s).target("21").load();
        before.migrate();
        try (Connection c = before.getConfiguration().getDataSource().getConnection();
             Statement st = c.createStatement()) {
            st.execute("INSERT INTO agent (id, name) VALUES (7, 'Lea'), (8, 'Max')");
            st.execute("INSERT INTO agent_address (address, agent_id, is_primary) VALUES ('lea@example.test', 7, TRUE),"
                    + " ('max@example.test', 8, TRUE)");
            st.execute("INSERT INTO mailbox (id, name, address, imap_url, smtp_url, tag_label, team_lead,"
                    + " team_lead_agent_id) VALUES"
                    + " (1, 'a', 'a@x.test', 'imap://a@x', 'smtp://x', 'A', ' Lea@Example.test', NULL),"
                    + " (2, 'b', 'b@x.test', 'imap://b@x', 'smtp://x', 'B', 'lea@example.test', 8),"
                    + " (3, 'c', 'c@x.test', 'imap://c@x', 'smtp://x', 'C', 'stranger@example.test', NULL)");

            flyway(s).load().migrate();

            try (ResultSet r = st.executeQuery("SELECT id, team_lead_agent_id FROM mailbox ORDER BY id")) {
                StringBuilder leads = new StringBuilder();
                while (r.next()) {
                    leads.append(r.getLong(1)).append('=').append(r.getObject(2)).append(' ');
                }
                assertThat(leads.toString().strip()).isEqualTo("1=7 2=8 3=null");
            }
            try (ResultSet cols = c.getMetaData().getColumns(null, null, "mailbox", "team_lead")) {
                assertThat(cols.next()).as("mailbox.team_lead is dropped").isFalse();
            }
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DbSettings s) {
        return Flyway.configure().dataSource(s.url(), s.user(), s.password()).locations("classpath:db/migration");
    }
}
