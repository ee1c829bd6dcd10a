package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.TransactionListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The duplicate check every ingested message runs (and threading's lookup of a reply's ticket): what it finds (H2 and PostgreSQL), and that on H2 it reads
 * through indexes, not the whole message table (it did: "message_id = ? or dedupe_key = ?" is a table scan
 * on H2, a third of the drain's CPU against real Dovecot at 5,000 stored messages, and growing with the store).
 */
class DedupeLookupTest {

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void fingerprintsAreFoundByMessageIdAndByDedupeKey(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long ticket = StoreFixtures.ticket(db.dsl(), StoreFixtures.mailbox(db.dsl(), "support"), "ann@example.test");
            MessageRepository messages = new MessageRepository(db.dsl());
            messages.insert(withFingerprint(StoreFixtures.inbound(ticket, "<a@x>"), "<a@x>", "fp-1"));
            // The same id with other content is stored under '<id>#<fingerprint>', with the same Message-ID.
            messages.insert(withFingerprint(StoreFixtures.inbound(ticket, "<a@x>"), "<a@x>#fp-2", "fp-2"));
            // A row whose dedupe key is the id but whose Message-ID column is empty (found by the key alone).
            messages.insert(withFingerprint(StoreFixtures.inbound(ticket, null), "<b@x>", null));

            assertThat(messages.fingerprintsOf("<a@x>")).containsOnly("fp-1", "fp-2").contains("fp-1", "fp-2");
            assertThat(messages.fingerprintsOf("<b@x>")).containsOnly((String) null).isNotEmpty();
            assertThat(messages.fingerprintsOf("<new@x>")).isEmpty();
        }
    }

    @Test
    void theDuplicateCheckReadsThroughIndexesOnH2() throws SQLException {
        List<String> selects = new ArrayList<>();
        ExecuteListener capture = new ExecuteListener() {
            private static final long serialVersionUID = 1L;

            @Override
            public void executeStart(ExecuteContext ctx) {
                if (ctx.query() != null && ctx.sql() != null && ctx.sql().trim().toLowerCase().startsWith("select")) {
                    selects.add(ctx.dsl().renderInlined(ctx.query()));
                }
            }
        };
        String url = "jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        try (Database db = Database.open(new DbSettings(url, "sa", "", 2),
                new Database.StoreListeners(capture, new TransactionListener() { }))) {
            long ticket = StoreFixtures.ticket(db.dsl(), StoreFixtures.mailbox(db.dsl(), "support"), "ann@example.test");
            MessageRepository messages = new MessageRepository(db.dsl());
            messages.insert(withFingerprint(StoreFixtures.inbound(ticket, "<a@x>"), "<a@x>", "fp-1"));
            selects.clear();

            messages.fingerprintsOf("<a@x>");
            // Threading's lookup of a reply's ticket, one statement with a subquery on the Message-ID.
            assertThat(new TicketRepository(db.dsl()).byMessageId("<a@x>")).map(TicketRow::id).contains(ticket);

            assertThat(selects).hasSize(2);
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                for (String sql : selects) {
                    try (ResultSet plan = s.executeQuery("EXPLAIN " + sql)) {
                        plan.next();
                        assertThat(plan.getString(1)).as("plan of %s", sql).doesNotContain("tableScan");
                    }
                }
            }
        }
    }

    private static NewMessage withFingerprint(NewMessage m, String dedupeKey, String fingerprint) {
        return new NewMessage(m.ticketId(), m.mailboxId(), m.direction(), m.kind(), dedupeKey, m.messageId(),
                m.inReplyTo(), m.refs(), m.fromAddr(), m.fromName(), m.toAddrs(), m.ccAddrs(), m.subject(), m.sentAt(),
                m.storedAt(), m.bodyText(), m.bodyHtml(), m.raw(), m.parseNote(), m.imapUid(), fingerprint);
    }
}
