package org.postdesk.outbound;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SmtpLinksTest {
    private static final byte[] RAW = {1, 2, 3};

    /** A fake connection that records what it carried. */
    private static class FakeLink implements SmtpLink {
        final List<String> sent = new ArrayList<>();
        boolean usable = true;
        boolean failNext;
        boolean closed;

        @Override
        public void send(byte[] rawMime, String envelopeFrom, List<String> recipients) {
            if (failNext) {
                usable = false;
                throw new DeliveryException("421 closing", false, 421, null);
            }
            sent.add(recipients.get(0));
        }

        @Override
        public boolean usable() {
            return usable && !closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private final List<FakeLink> opened = new ArrayList<>();
    private final Supplier<SmtpLink> opener = () -> {
        FakeLink l = new FakeLink();
        opened.add(l);
        return l;
    };
    private Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final SmtpLinks links = new SmtpLinks(new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void aBurstOfMailForOneMailboxUsesOneConnection() {
        for (int i = 0; i < 5; i++) {
            links.send(1, "smtp://a", opener, RAW, "support@x", List.of("c" + i + "@x"));
        }
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).sent).hasSize(5);
        links.send(2, "smtp://b", opener, RAW, "sales@x", List.of("d@x"));
        assertThat(opened).as("each mailbox has its own").hasSize(2);
    }

    @Test
    void aFailedConnectionIsClosedAndTheNextMailOpensAFreshOne() {
        links.send(1, "smtp://a", opener, RAW, "support@x", List.of("c@x"));
        opened.get(0).failNext = true;
        assertThatThrownBy(() -> links.send(1, "smtp://a", opener, RAW, "support@x", List.of("d@x")))
                .isInstanceOf(DeliveryException.class);
        assertThat(opened.get(0).closed).isTrue();
        links.send(1, "smtp://a", opener, RAW, "support@x", List.of("e@x"));
        assertThat(opened).hasSize(2);
        assertThat(opened.get(1).sent).containsExactly("e@x");
    }

    @Test
    void aConnectionTheServerDroppedOrChangedSettingsOrIdlenessAreNotReused() {
        links.send(1, "smtp://a", opener, RAW, "support@x", List.of("c@x"));
        opened.get(0).usable = false; // the server closed it meanwhile
        links.send(1, "smtp://a", opener, RAW, "support@x", List.of("d@x"));
        assertThat(opened).hasSize(2);
        assertThat(opened.get(0).closed).isTrue();

        links.send(1, "smtp://a-new-password", opener, RAW, "support@x", List.of("e@x"));
        assertThat(opened).hasSize(3);
        assertThat(opened.get(1).closed).isTrue();

        now = now.plus(SmtpLinks.MAX_IDLE).plusSeconds(1);
        links.closeIdle();
        assertThat(opened.get(2).closed).isTrue();
        assertThat(links.openCount()).isZero();
        links.send(1, "smtp://a-new-password", opener, RAW, "support@x", List.of("f@x"));
        assertThat(opened).hasSize(4);
    }

    @Test
    void sendersOfOneMailboxSendInParallelEachOnAConnectionOfItsOwn() throws Exception {
        // Each send waits until the other is inside its own send too: taking turns on one connection would
        // never get there.
        CyclicBarrier bothSending = new CyclicBarrier(2);
        List<SmtpLink> links2 = java.util.Collections.synchronizedList(new ArrayList<>());
        Supplier<SmtpLink> meeting = () -> {
            FakeLink l = new FakeLink() {
                @Override
                public void send(byte[] rawMime, String envelopeFrom, List<String> recipients) {
                    try {
                        if (sent.isEmpty()) { // its first mail; a later one goes through at once
                            bothSending.await(30, TimeUnit.SECONDS);
                        }
                    } catch (Exception e) {
                        throw new DeliveryException("the other sender never came: " + e, false, 0, null);
                    }
                    super.send(rawMime, envelopeFrom, recipients);
                }
            };
            links2.add(l);
            return l;
        };
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = two.submit(() -> links.send(1, "smtp://a", meeting, RAW, "support@x", List.of("a@x")));
            Future<?> b = two.submit(() -> links.send(1, "smtp://a", meeting, RAW, "support@x", List.of("b@x")));
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
        } finally {
            two.shutdownNow();
        }
        assertThat(links2).hasSize(2);
        assertThat(links.openCount()).as("both kept for the next mails").isEqualTo(2);
        links.send(1, "smtp://a", opener, RAW, "support@x", List.of("c@x"));
        assertThat(opened).as("an idle connection is reused").isEmpty();
        assertThat(links2).hasSize(2);
    }

    @Test
    void aConnectionGivenBackAfterCloseIsClosed() {
        FakeLink[] link = new FakeLink[1];
        links.send(1, "smtp://a", () -> {
            links.close(); // the daemon stops while the mail is on its way
            link[0] = new FakeLink();
            return link[0];
        }, RAW, "support@x", List.of("c@x"));
        assertThat(link[0].closed).isTrue();
        assertThat(links.openCount()).isZero();
    }
}
