package org.postdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailboxLeaseTest {

    @Test
    void onPostgresOneDaemonAtATimeHoldsAMailboxAndClosingHandsItOver() {
        try (Database db = TestDatabases.postgres()) {
            long support = StoreFixtures.mailbox(db.dsl(), "support");
            long sales = StoreFixtures.mailbox(db.dsl(), "sales");
            try (MailboxLease first = db.mailboxLease(support); MailboxLease second = db.mailboxLease(support);
                 MailboxLease other = db.mailboxLease(sales)) {
                assertThat(first.tryAcquire()).isTrue();
                assertThat(first.tryAcquire()).as("held stays held").isTrue();
                assertThat(second.tryAcquire()).as("another daemon stands by").isFalse();
                assertThat(other.tryAcquire()).as("other mailboxes are free").isTrue();

                first.close(); // the daemon stopped, or died with its connection

                assertThat(second.tryAcquire()).isTrue();
                assertThat(first.tryAcquire()).isFalse();
            }
        }
    }

    @Test
    void onH2EveryLeaseIsGranted() {
        try (Database db = TestDatabases.h2(); MailboxLease a = db.mailboxLease(1); MailboxLease b = db.mailboxLease(1)) {
            assertThat(a.tryAcquire()).isTrue();
            assertThat(b.tryAcquire()).isTrue();
        }
    }
}
