package org.postdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jooq.impl.DSL;

class MigrationTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void migrationsRunAndSequenceStartsAtFirstTicket(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long first = db.dsl().nextval(DSL.sequence(DSL.name("ticket_number_seq"), Long.class));
            assertEquals(1001L, first);
            assertTrue(db.dsl().meta().getTables().stream().anyMatch(t -> t.getName().equals("outbox")));
        }
    }
}
