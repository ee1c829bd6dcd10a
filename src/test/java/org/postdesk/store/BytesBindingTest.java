package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BytesBindingTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void messageAndOutboxSourcesComeBackByteForByte(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            long ticket = StoreFixtures.ticket(db.dsl(), mailbox, "ann@example.test");
            byte[] source = bytes(5000, 1);
            byte[] mail = bytes(3000, 2);
            long message = new MessageRepository(db.dsl()).insert(StoreFixtures.inbound(ticket, "<a@x>", source)).orElseThrow();
            new OutboxRepository(db.dsl()).enqueue(outbox(mailbox, "<ack@x>", mail));
            new OutboxRepository(db.dsl()).enqueue(outbox(mailbox, "<empty@x>", new byte[0]));

            assertThat(new MessageRepository(db.dsl()).raw(message)).hasValue(source);
            List<ClaimedMail> claimed = new OutboxRepository(db.dsl()).claim(NOW, NOW.plusSeconds(60), "t", 10);
            assertThat(claimed).extracting(c -> c.item().messageId()).containsExactlyInAnyOrder("<ack@x>", "<empty@x>");
            for (ClaimedMail c : claimed) {
                assertThat(c.item().raw()).isEqualTo(c.item().messageId().equals("<ack@x>") ? mail : new byte[0]);
            }
        }
    }

    /**
     * jOOQ's own binding made every value longer than 256 bytes a temporary LOB that H2 keeps in the session for five
     * minutes: a drain filled the heap with them. Read from H2's session, as nothing public tells.
     */
    @Test
    void storingAndReadingSourcesLeavesNoTemporaryLobInTheH2Session() {
        try (Database db = TestDatabases.open(TestDatabases.Kind.H2)) {
            long mailbox = StoreFixtures.mailbox(db.dsl(), "support");
            long ticket = StoreFixtures.ticket(db.dsl(), mailbox, "ann@example.test");
            int left = db.inTransaction(tx -> {
                MessageRepository messages = new MessageRepository(tx);
                OutboxRepository outbox = new OutboxRepository(tx);
                for (int i = 0; i < 20; i++) {
                    long id = messages.insert(StoreFixtures.inbound(ticket, "<m" + i + "@x>", bytes(2000, i))).orElseThrow();
                    assertThat(messages.raw(id)).isPresent();
                    outbox.enqueue(outbox(mailbox, "<o" + i + "@x>", bytes(1500, i)));
                }
                assertThat(outbox.claim(NOW, NOW.plusSeconds(60), "t", 50)).hasSize(20);
                return tx.connectionResult(BytesBindingTest::temporaryLobs);
            });
            assertThat(left).as("temporary LOBs H2 holds for this session").isZero();
        }
    }

    private static int temporaryLobs(Connection c) throws SQLException {
        SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
        int n = 0;
        for (String name : List.of("temporaryLobs", "temporaryResultLobs")) {
            try {
                Field f = SessionLocal.class.getDeclaredField(name);
                f.setAccessible(true);
                Collection<?> lobs = (Collection<?>) f.get(session);
                n += lobs == null ? 0 : lobs.size();
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("H2's SessionLocal no longer has " + name + ": update this test", e);
            }
        }
        return n;
    }

    private static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static NewOutboxItem outbox(long mailbox, String messageId, byte[] raw) {
        return new NewOutboxItem(mailbox, null, "ACK", messageId, "support@example.test", List.of("ann@example.test"),
                raw, NOW);
    }
}
