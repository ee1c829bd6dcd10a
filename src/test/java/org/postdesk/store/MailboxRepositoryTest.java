package org.postdesk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postdesk.tickets.TicketNumber;

class MailboxRepositoryTest {

    private static NewMailbox mailbox(String name) {
        return new NewMailbox(name, name + "@example.com", "imaps://" + name + "%40example.com@mail.example.com:993/INBOX",
                "smtps://mail.example.com:465", "v1:imap", null, null, false, null, "Support", "en");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void addsListsAndFinds(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            MailboxRepository repo = new MailboxRepository(db.dsl());
            Mailbox sales = repo.add(mailbox("sales"));
            Mailbox support = repo.add(new NewMailbox("support", "support@example.com", "imap://h:143/INBOX",
                    "smtp://h:25", "v1:a", "v1:b", "/etc/pd/ca.pem", true, "Done", "Help", "ru"));
            assertEquals(List.of("sales", "support"), repo.list().stream().map(Mailbox::name).toList());
            assertEquals(support, repo.byName("support").orElseThrow());
            assertEquals(sales, repo.byId(sales.id()).orElseThrow());
            assertEquals("v1:b", support.smtpPasswordEnc());
            assertTrue(support.trustAll() && support.enabled());
            assertEquals("Done", support.moveTo());
            assertTrue(support.createdAt().isAfter(Instant.now().minusSeconds(300)));
            assertTrue(repo.byName("nope").isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void duplicateNameIsRefusedAndTheTransactionStaysUsable(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            db.inTransactionRun(tx -> {
                MailboxRepository repo = new MailboxRepository(tx);
                repo.add(mailbox("support"));
                assertThrows(DuplicateMailboxException.class, () -> repo.add(mailbox("support")));
                repo.add(mailbox("sales"));
            });
            assertEquals(2, new MailboxRepository(db.dsl()).list().size());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void enableDisableAndListEnabled(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            MailboxRepository repo = new MailboxRepository(db.dsl());
            repo.add(mailbox("a"));
            repo.add(mailbox("b"));
            assertTrue(repo.setEnabled("a", false));
            assertFalse(repo.setEnabled("zzz", false));
            assertEquals(List.of("b"), repo.listEnabled().stream().map(Mailbox::name).toList());
            assertTrue(repo.setEnabled("a", true));
            assertEquals(2, repo.listEnabled().size());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void removeRefusesMailboxWithTickets(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            MailboxRepository repo = new MailboxRepository(db.dsl());
            Mailbox used = repo.add(mailbox("used"));
            repo.add(mailbox("spare"));
            TicketRepository tickets = new TicketRepository(db.dsl());
            TicketNumber number = tickets.nextNumber();
            tickets.insert(new NewTicket(number, used.id(), "Help", "c@example.com", null, "en", null, Instant.now()));
            assertEquals(MailboxRemoval.IN_USE, repo.remove("used"));
            assertEquals(MailboxRemoval.REMOVED, repo.remove("spare"));
            assertEquals(MailboxRemoval.NOT_FOUND, repo.remove("spare"));
            assertEquals(List.of("used"), repo.list().stream().map(Mailbox::name).toList());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void cursorAndStateAreTrackedInsideATransaction(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long id = new MailboxRepository(db.dsl()).add(mailbox("support")).id();
            MailboxState fresh = new MailboxRepository(db.dsl()).state(id);
            assertNull(fresh.uidValidity());
            assertEquals(0, fresh.lastUid());
            assertEquals(MailboxState.NEW, fresh.state());

            db.inTransactionRun(tx -> new MailboxRepository(tx).saveCursor(id, 1795351985L, 42));
            Instant ok = Instant.parse("2026-11-22T10:00:00Z");
            MailboxRepository repo = new MailboxRepository(db.dsl());
            repo.reportState(id, "IDLE", null, ok);
            repo.reportState(id, "ERROR", "login failed", ok.plusSeconds(60));

            MailboxState s = repo.state(id);
            assertEquals(1795351985L, s.uidValidity());
            assertEquals(42, s.lastUid());
            assertEquals("ERROR", s.state());
            assertEquals("login failed", s.lastError());
            assertTrue(ok.equals(s.lastOkAt()), "last ok stays at the last report without error");
            assertTrue(ok.plusSeconds(60).equals(s.updatedAt()));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void rolledBackCursorDoesNotMove(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            long id = new MailboxRepository(db.dsl()).add(mailbox("support")).id();
            assertThrows(IllegalStateException.class, () -> db.inTransactionRun(tx -> {
                new MailboxRepository(tx).saveCursor(id, 7, 99);
                throw new IllegalStateException("crash before commit");
            }));
            assertEquals(0, new MailboxRepository(db.dsl()).state(id).lastUid());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.Kind.class)
    void listWithStateJoinsEveryMailbox(TestDatabases.Kind kind) {
        try (Database db = TestDatabases.open(kind)) {
            MailboxRepository repo = new MailboxRepository(db.dsl());
            long a = repo.add(mailbox("a")).id();
            repo.add(mailbox("b"));
            db.dsl().deleteFrom(org.postdesk.store.db.Tables.MAILBOX_STATE).execute();
            repo.saveCursor(a, 5, 3);
            List<MailboxStatusRow> rows = repo.listWithState();
            assertEquals(2, rows.size());
            assertEquals(3, rows.get(0).state().lastUid());
            assertEquals(MailboxState.NEW, rows.get(1).state().state(), "a missing state row reads as fresh");
        }
    }
}
