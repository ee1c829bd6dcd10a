package org.postdesk.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postdesk.mail.Attachment;

class TokenGuardTest {
    private static final String TOKEN = "pd1.2s.1.b.abcdefghijklmnopqrstuvwxyz";

    @Test
    void aTokenInTheTextOrInAReadableAttachmentIsFound() {
        assertThat(TokenGuard.find("Hello\nRef: " + TOKEN, List.of())).contains("the text");
        Attachment eml = Attachment.of("notice.eml", "message/rfc822",
                ("Message-ID: <" + TOKEN.substring(0, 20) + "=\r\n" + TOKEN.substring(20) + "@x>\r\n\r\nhi")
                        .getBytes(StandardCharsets.US_ASCII));
        assertThat(TokenGuard.find("Hello", List.of(eml))).contains("attachment notice.eml");
    }

    @Test
    void cleanMailAndBinaryAttachmentsPass() {
        Attachment pdf = Attachment.of("a.pdf", "application/pdf", TOKEN.getBytes(StandardCharsets.US_ASCII));
        Attachment txt = Attachment.of("a.txt", "text/plain", "no token".getBytes(StandardCharsets.US_ASCII));
        assertThat(TokenGuard.find("Hello, pd1 is our plan name.", List.of(pdf, txt))).isEmpty();
    }

    @Test
    void aTokenAcrossTheBoundaryOfTwoSearchWindowsIsFound() {
        // Windows of 64 bytes with the OVERLAP in front: the token (37 chars) and a soft line break span two reads.
        for (int at = 0; at < 200; at++) {
            byte[] text = ("x".repeat(at) + " Ref: " + TOKEN.substring(0, 15) + "=\r\n" + TOKEN.substring(15) + " "
                    + "y".repeat(300)).getBytes(StandardCharsets.US_ASCII);
            assertThat(TokenGuard.mentionsToken(new ByteArrayInputStream(text), 64)).as("token at " + at).isTrue();
        }
        byte[] clean = ("x".repeat(5000) + " pd1 is our plan " + "y".repeat(5000)).getBytes(StandardCharsets.US_ASCII);
        assertThat(TokenGuard.mentionsToken(new ByteArrayInputStream(clean), 64)).isFalse();
    }

    @Test
    void aHugeTextIsReadAWindowAtATimeNotWhole() {
        // 64 MB of text that never exists as one array: the stream makes it up as it is read.
        long size = 64L << 20;
        InputStream huge = new InputStream() {
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'a');
                left -= n;
                return n;
            }
        };
        java.util.concurrent.atomic.AtomicLong read = new java.util.concurrent.atomic.AtomicLong();
        InputStream counted = new java.io.FilterInputStream(huge) {
            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                assertThat(len).as("no read asks for more than a window").isLessThanOrEqualTo(TokenGuard.WINDOW_BYTES);
                int n = super.read(b, off, len);
                read.addAndGet(Math.max(n, 0));
                return n;
            }
        };
        assertThat(TokenGuard.mentionsToken(counted, TokenGuard.WINDOW_BYTES)).isFalse();
        assertThat(read.get()).isEqualTo(size);
    }
}
