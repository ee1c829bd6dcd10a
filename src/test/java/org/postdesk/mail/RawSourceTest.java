package org.postdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RawSourceTest {

    /** A text mail of about {@code bytes} bytes, with {@code eol} line ends. */
    private static byte[] mail(int bytes, String eol) {
        StringBuilder s = new StringBuilder("From: Ann <ann@example.test>" + eol + "Subject: Long story" + eol
                + "Message-ID: <long@example.test>" + eol + "Content-Type: text/plain; charset=UTF-8" + eol + eol);
        for (int i = 0; s.length() < bytes; i++) {
            s.append("line ").append(i).append(" of the story").append(eol);
        }
        s.append("THE END").append(eol);
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSmallSourceStaysInMemoryAndALargeOneGoesToATemporaryFileDeletedOnClose() throws Exception {
        try (RawSource small = RawSource.spool(new ByteArrayInputStream(mail(1000, "\r\n")), 1 << 20)) {
            assertThat(small.inMemory()).isTrue();
        }
        byte[] large = mail(RawSource.IN_MEMORY_BYTES * 3, "\r\n");
        Path file;
        try (RawSource spooled = RawSource.spool(new ByteArrayInputStream(large), 10 << 20)) {
            assertThat(spooled.inMemory()).isFalse();
            assertThat(spooled.length()).isEqualTo(large.length);
            try (InputStream in = spooled.open()) {
                assertThat(in.readAllBytes()).isEqualTo(large);
            }
            file = Path.of(spooled.toString().replaceAll(".* in (.*)]", "$1"));
            assertThat(file).exists();
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void theCapStopsReadingAtTheLimitWhateverTheSenderAnnounced() throws Exception {
        AtomicLong read = new AtomicLong();
        // An endless source: the server says nothing true about its size.
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                read.addAndGet(len);
                return len;
            }
        };
        long before = tempFiles();
        assertThatThrownBy(() -> RawSource.spool(endless, 1_000_000)).isInstanceOf(RawSource.TooLargeException.class)
                .hasMessageContaining("longer than 1000000 bytes");
        assertThat(read.get()).isEqualTo(1_000_001);
        assertThat(tempFiles()).as("the partial spool file is deleted").isEqualTo(before);
    }

    @Test
    void aWriterIsRefusedTheBytePastTheLimit() throws Exception {
        try (RawSource.Sink sink = RawSource.sink(300_000)) {
            sink.write(new byte[300_000]);
            assertThat(sink.count()).isEqualTo(300_000);
            assertThatThrownBy(() -> sink.write('x')).isInstanceOf(RawSource.TooLargeException.class);
        }
    }

    @Test
    void aSpooledSourceParsesLikeTheSameBytesInMemory() throws Exception {
        MimeParser parser = new MimeParser(25L << 20);
        for (String eol : new String[] {"\r\n", "\n", "\r"}) {
            byte[] raw = mail(RawSource.IN_MEMORY_BYTES * 2, eol);
            InboundMessage inMemory = parser.parse(raw);
            try (RawSource spooled = RawSource.spool(new ByteArrayInputStream(raw), 10 << 20)) {
                assertThat(spooled.inMemory()).isFalse();
                InboundMessage fromFile = parser.parse(spooled);
                assertThat(fromFile.subject()).as(eol.replace("\r", "CR").replace("\n", "LF")).isEqualTo("Long story");
                assertThat(fromFile.from().address()).isEqualTo("ann@example.test");
                assertThat(fromFile.textBody()).isEqualTo(inMemory.textBody()).contains("line 9000 of the story").endsWith("THE END\n");
                assertThat(fromFile.contentFingerprint()).isEqualTo(inMemory.contentFingerprint());
                assertThat(fromFile.contentHash()).isEqualTo(inMemory.contentHash());
                assertThat(fromFile.parseNotes()).isEqualTo(inMemory.parseNotes());
            }
        }
    }

    private static long tempFiles() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("postdesk-raw")).count();
        }
    }

}
