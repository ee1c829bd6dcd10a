package org.postdesk.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadTest {
    private static final Session SESSION = Session.getInstance(new Properties());

    /** A message that counts how often its source is read, and can be told to fail. */
    private static final class CountingMessage extends MimeMessage {
        final AtomicInteger reads = new AtomicInteger();
        final boolean fail;

        CountingMessage(String subject, boolean fail) throws MessagingException {
            super(SESSION, new ByteArrayInputStream(("Subject: " + subject + "\r\n\r\nbody of " + subject + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            this.fail = fail;
        }

        @Override
        public void writeTo(OutputStream os) throws IOException, MessagingException {
            reads.incrementAndGet();
            if (fail) {
                throw new MessagingException("connection dropped while reading " + getSubject());
            }
            super.writeTo(os);
        }
    }

    private static String text(org.postdesk.mail.RawSource raw) {
        return new String(raw.bytes(), StandardCharsets.US_ASCII);
    }

    @Test
    void theMessageReadAheadIsHandedOutOnceAndNotReadAgain() throws Exception {
        CountingMessage first = new CountingMessage("one", false);
        CountingMessage second = new CountingMessage("two", false);
        try (ReadAhead ahead = new ReadAhead("support", true, WorkerSettings.DEFAULT_MAX_MESSAGE_BYTES)) {
            assertThat(text(ahead.take(first))).contains("body of one");
            ahead.prefetch(second);
            assertThat(text(ahead.take(second))).contains("body of two").doesNotContain("body of one");
        }
        assertThat(first.reads).hasValue(1);
        assertThat(second.reads).hasValue(1);
    }

    @Test
    void askingForAnotherMessageThanTheOneReadAheadReadsThatOne() throws Exception {
        CountingMessage second = new CountingMessage("two", false);
        CountingMessage third = new CountingMessage("three", false);
        try (ReadAhead ahead = new ReadAhead("support", true, WorkerSettings.DEFAULT_MAX_MESSAGE_BYTES)) {
            ahead.prefetch(second);
            assertThat(text(ahead.take(third))).contains("body of three");
        }
        assertThat(third.reads).hasValue(1);
    }

    @Test
    void aFailedReadAheadSurfacesAsTheMailFailureItWas() throws Exception {
        CountingMessage broken = new CountingMessage("broken", true);
        try (ReadAhead ahead = new ReadAhead("support", true, WorkerSettings.DEFAULT_MAX_MESSAGE_BYTES)) {
            ahead.prefetch(broken);
            assertThatThrownBy(() -> ahead.take(broken)).isInstanceOf(MessagingException.class)
                    .hasMessageContaining("connection dropped while reading broken");
        }
    }

    @Test
    void onlyMessagesOfAFewMegabytesAreWorthReadingAhead() throws Exception {
        assertThat(ReadAhead.worthReading(new CountingMessage("small", false))).isTrue();
        MimeMessage large = new MimeMessage(SESSION) {
            @Override
            public int getSize() {
                return ReadAhead.MAX_BYTES + 1;
            }
        };
        assertThat(ReadAhead.worthReading(large)).isFalse();
    }

    @Test
    void withoutReadAheadEveryMessageIsReadWhenAskedFor() throws Exception {
        CountingMessage first = new CountingMessage("one", false);
        try (ReadAhead ahead = new ReadAhead("support", false, WorkerSettings.DEFAULT_MAX_MESSAGE_BYTES)) {
            ahead.prefetch(first);
            assertThat(first.reads).hasValue(0);
            assertThat(text(ahead.take(first))).contains("body of one");
        }
        assertThat(first.reads).hasValue(1);
    }
}
