package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StoreCheckTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void soundStoreIsReportedSound(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            long ticket = StoreFixtures.ticket(db.dsl(), mailbox, "ann@example.test");
            new MessageRepository(db.dsl()).insert(StoreFixtures.inbound(ticket, "<first@x>"));

            StoreCheck.Report report = new StoreCheck(db).run();

            assertThat(report.faults()).isEmpty();
            assertThat(report.summary()).contains(kind == TestDatabases.Kind.H2 ? "H2 2." : "PostgreSQL");
        }
    }

    @Test
    void h2ReadsEveryRowOfEveryTable() {
        try (Database db = TestDatabases.h2()) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            StoreFixtures.ticket(db.dsl(), mailbox, "ann@example.test");
            long rows = db.dsl().fetchOne("select sum(row_count_estimate) from information_schema.tables"
                    + " where table_schema = 'public' and table_type = 'BASE TABLE'").get(0, Long.class);

            assertThat(new StoreCheck(db).run().summary()).contains("read " + rows + " rows of");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void sequenceBehindTheTicketsIsAFault(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            StoreFixtures.ticket(db.dsl(), mailbox, "ann@example.test");
            StoreFixtures.ticket(db.dsl(), mailbox, "bob@example.test");
            db.dsl().execute("alter sequence ticket_number_seq restart with 1001");

            StoreCheck.Report report = new StoreCheck(db).run();

            assertThat(report.ok()).isFalse();
            assertThat(report.faults()).singleElement().asString()
                    .contains("ticket_number_seq would hand out 1001 next").contains("RESTART WITH 1003");
        }
    }

    @Test
    void postgresUsesAmcheckWhenInstalled() {
        try (Database db = TestDatabases.postgres()) {
            db.dsl().execute("create extension if not exists amcheck");

            StoreCheck.Report report = new StoreCheck(db).run();

            assertThat(report.faults()).isEmpty();
            assertThat(report.summary()).containsPattern("amcheck verified [1-9][0-9]* indexes");
        }
    }
}
