package org.postdesk.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.postdesk.deadlines.SlaWorld.at;
import static org.postdesk.deadlines.SlaWorld.kyiv;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.postdesk.app.AgentNotices;
import org.postdesk.app.IdleRelease;
import org.postdesk.mail.MimeComposer;
import org.postdesk.outbound.AgentMailer;
import org.postdesk.outbound.AutoHeaders;
import org.postdesk.outbound.OutboundQueue;
import org.postdesk.outbound.Templates;
import org.postdesk.store.Database;
import org.postdesk.store.OwnershipRepository;
import org.postdesk.store.TestDatabases;
import org.postdesk.tickets.agent.IdlePolicy;
import org.postdesk.tickets.agent.ReplyTokenCodec;

/** {@code agents.idle-release} counts the mailbox's business hours: a Friday-evening take survives the weekend. */
class IdleReleaseBusinessTimeTest {

    @Test
    void aTicketTakenOnFridayAt1755IsNotReleasedOverTheWeekend() {
        try (Database db = TestDatabases.h2()) {
            SlaWorld w = new SlaWorld(db);   // mon-fri 09:00-18:00, Europe/Kyiv
            long ticket = w.ticket("2026-11-27T17:50");
            new OwnershipRepository(db.dsl()).take(ticket, w.alice, kyiv("2026-11-27T17:55"));

            assertThat(release(db, at("2026-11-30T08:59")).sweep()).isZero();   // 5 business minutes, 63 hours on the wall
            assertThat(release(db, at("2026-11-30T12:54")).sweep()).isZero();   // 3 h 59 min
            assertThat(new OwnershipRepository(db.dsl()).owner(ticket)).isPresent();

            assertThat(release(db, at("2026-11-30T12:55")).sweep()).isEqualTo(1);   // 4 h of business time
            assertThat(new OwnershipRepository(db.dsl()).owner(ticket)).isEmpty();
        }
    }

    private static IdleRelease release(Database db, Clock clock) {
        AgentNotices notices = new AgentNotices(new AgentMailer(Templates.stored(db, null),
                new OutboundQueue(new MimeComposer(clock)), new AutoHeaders("postdesk"),
                new ReplyTokenCodec("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII))));
        return new IdleRelease(db, notices, new IdlePolicy(Duration.ofHours(4)), clock);
    }
}
